-- budget.exceeded and budget.restored travel on different topics, so a restore can arrive before the
-- excess it ends. The latest restore per budget is kept so a late budget.exceeded that crossed before
-- it does not hold jobs again for good.
create table budget_restore (
    tenant_id    varchar(64)  not null,
    budget_id    varchar(64)  not null,
    restored_at  timestamptz  not null,
    primary key (tenant_id, budget_id)
);

-- When the excess behind a hold crossed the limit: a restore lifts only holds crossed at or before it,
-- so a restore that arrives after a newer excess does not release that one.
alter table budget_hold add column crossed_at timestamptz;
