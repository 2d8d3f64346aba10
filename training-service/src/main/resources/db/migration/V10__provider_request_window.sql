-- An account's requests_per_minute, shared by every replica: one row per account holding the
-- current minute and how many provider calls were granted in it (RequestBudget). Bounded by the
-- number of accounts; the row goes with its account.
create table provider_request_window (
    account_id    varchar(40) primary key references provider_account (id) on delete cascade,
    window_start  timestamptz not null,
    used          integer     not null
);
