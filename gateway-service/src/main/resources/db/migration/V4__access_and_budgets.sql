-- Whether a model id is another tenant's fine-tuned model is asked on every alias save and routed call.
create index fine_tuned_model_by_model on fine_tuned_model (model_id);

-- cost-service's hard-stop budgets as budget.exceeded / budget.restored announced them (consumer "budget-stops"):
-- while a row is stopped, inference of its tenant (pipeline_id null) or of its pipeline answers 429 budget_exceeded.
-- changed_at is the event's own time, so a redelivered older event never overrides a newer one.
create table budget_stop (
    tenant_id   varchar(64)  not null,
    budget_id   varchar(64)  not null,
    pipeline_id varchar(64),
    month       varchar(7)   not null,
    stopped     boolean      not null,
    limit_usd   varchar(32),
    spent_usd   varchar(32),
    changed_at  timestamptz  not null,
    primary key (tenant_id, budget_id)
);
