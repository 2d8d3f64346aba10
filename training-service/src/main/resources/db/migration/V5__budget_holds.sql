-- A tenant over a hard-stop budget this month (budget.exceeded): its jobs wait in
-- waiting_for_budget instead of taking provider slots. A hold lapses with its month, or when the
-- tenant lifts it (DELETE /api/v1/budget-holds/{budget_id}) after raising the limit.
create table budget_hold (
    tenant_id   varchar(64)  not null,
    budget_id   varchar(40)  not null,
    month       varchar(7)   not null,
    limit_usd   varchar(40)  not null,
    spent_usd   varchar(40)  not null,
    held_since  timestamptz  not null,
    primary key (tenant_id, budget_id, month)
);
