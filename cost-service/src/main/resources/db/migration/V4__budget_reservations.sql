-- Money set aside for a job before it starts (the contract with training-service). One row per job:
-- asking again for the same job returns this row, so a job is never reserved twice. 'reserved' rows
-- count against the budgets until the job's outcome (or an explicit release) sets released_at.
create table budget_reservation (
    reservation_id            varchar(40)    primary key,
    tenant_id                 varchar(64)    not null,
    job_id                    varchar(64)    not null,
    pipeline_id               varchar(64),
    base_model                varchar(200)   not null,
    model_id                  varchar(64),
    estimated_trained_tokens  bigint         not null check (estimated_trained_tokens >= 0),
    -- Zero when the training price is unknown (price_known false): such a job cannot be shown not to fit.
    estimated_cost_usd        numeric(24,12) not null,
    price_known               boolean        not null,
    price_id                  varchar(40),
    decision                  varchar(10)    not null check (decision in ('reserved', 'held')),
    reason                    text           not null,
    budget_id                 varchar(40),
    month                     varchar(7)     not null,
    remaining_usd             numeric(24,12),
    created_at                timestamptz    not null,
    decided_at                timestamptz    not null,
    released_at               timestamptz,
    release_reason            varchar(30),
    unique (tenant_id, job_id)
);
create index budget_reservation_open on budget_reservation (tenant_id, reservation_id) where released_at is null;
