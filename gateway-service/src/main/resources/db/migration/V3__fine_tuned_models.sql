-- The tenant's fine-tuned models as job.succeeded announced them (consumer "model-registry"): listed by
-- GET /v1/models, and a direct call to one goes to the provider account that trained it.
create table fine_tuned_model (
    tenant_id           varchar(64)  not null,
    model_id            varchar(256) not null,
    base_model          varchar(128) not null,
    job_id              varchar(64)  not null,
    provider_account_id varchar(64),
    pipeline_id         varchar(64),
    model_version       integer      not null,
    created_at          timestamptz  not null,
    primary key (tenant_id, model_id)
);
