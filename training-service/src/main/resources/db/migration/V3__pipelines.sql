-- Pipelines: a named training recipe that can run itself when its dataset gets a new validated
-- version. A new version is first recorded as pending; it runs once the debounce has passed
-- without a newer one and the minimum interval since the last run is over.
create table pipeline (
    id                  varchar(40)   primary key,
    tenant_id           varchar(64)   not null,
    name                varchar(200)  not null,
    dataset_id          varchar(40)   not null,
    base_model          varchar(200)  not null,
    method              varchar(20)   not null,
    hyperparameters     varchar(1000) not null,
    account_id          varchar(40)   not null references provider_account (id),
    model_name          varchar(200)  not null,
    auto_train          boolean       not null,
    debounce_ms         bigint        not null,
    min_interval_ms     bigint        not null,
    pending_version_id  varchar(40),
    pending_since       timestamptz,
    last_run_at         timestamptz,
    last_job_id         varchar(40),
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    unique (tenant_id, name)
);
create index pipeline_dataset on pipeline (tenant_id, dataset_id);

-- Why each pipeline run started (what retraining.requested would announce).
create table pipeline_run (
    id                  varchar(40)   primary key,
    pipeline_id         varchar(40)   not null references pipeline (id),
    tenant_id           varchar(64)   not null,
    reason              varchar(40)   not null,
    dataset_version_id  varchar(40)   not null,
    job_id              varchar(40)   not null,
    created_at          timestamptz   not null
);
create index pipeline_run_pipeline on pipeline_run (pipeline_id, created_at);
