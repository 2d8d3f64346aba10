-- A hold from a pipeline-scoped budget holds only that pipeline's jobs (null: every job of the tenant).
alter table budget_hold add column pipeline_id varchar(40);

-- Train-split examples of a version (auto epochs are decided on them, as cost-service does).
alter table training_data add column train_examples bigint;

-- The cost reservation made at cost-service before a job may take a provider slot, and why a job
-- waits for budget (held by cost-service, or cost-service unreachable) with when it is checked again.
alter table fine_tune_job add column reservation_id varchar(80);
alter table fine_tune_job add column budget_reason varchar(1000);
alter table fine_tune_job add column budget_recheck_at timestamptz;
alter table fine_tune_job add column budget_attempts integer not null default 0;
