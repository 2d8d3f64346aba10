-- The pipeline that started a job (null for a job created directly), carried on its job.* events.
alter table fine_tune_job add column pipeline_id varchar(40);
create index fine_tune_job_pipeline on fine_tune_job (tenant_id, pipeline_id);

-- A pipeline's evaluation policy: ask eval-service to evaluate each new model (gates as
-- events' GateThresholds JSON, null = eval-service's defaults), and promote it to staging when
-- the evaluation decides "promote".
alter table pipeline add column evaluate boolean not null default false;
alter table pipeline add column gates varchar(2000);
alter table pipeline add column auto_promote boolean not null default false;

-- Evaluations of a model version (eval.completed whose candidate is the version's model).
create table model_evaluation (
    eval_id           varchar(64)   not null,
    model_version_id  varchar(40)   not null references model_version (id),
    tenant_id         varchar(64)   not null,
    decision          varchar(30)   not null,
    gates_passed      varchar(2000) not null,
    gates_failed      varchar(2000) not null,
    candidate         varchar(2000),
    candidate_accuracy double precision,
    baseline          varchar(2000),
    production        varchar(2000),
    completed_at      timestamptz   not null,
    primary key (eval_id, model_version_id)
);
create index model_evaluation_version on model_evaluation (model_version_id, completed_at);

-- The candidate accuracy (accuracy, else exact match) of the version's latest evaluation when it
-- was moved to production: what a later evaluation of the production model is compared with.
alter table model_version add column promoted_accuracy double precision;
