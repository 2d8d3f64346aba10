-- Provider accounts: where a tenant's jobs run. The API key is stored AES-GCM encrypted
-- (tuneforge.training.secret-key); only its fingerprint is ever shown.
create table provider_account (
    id                   varchar(40)  primary key,
    tenant_id            varchar(64)  not null,
    name                 varchar(100) not null,
    kind                 varchar(20)  not null,
    base_url             varchar(500) not null,
    api_key_sealed       varchar(2000) not null,
    key_fingerprint      varchar(40)  not null,
    organization         varchar(200),
    project              varchar(200),
    azure_api_version    varchar(40),
    max_active_jobs      integer      not null,
    requests_per_minute  integer      not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    unique (tenant_id, name)
);

-- One fine-tuning job and its persisted state machine. A scheduler replica works on a row only
-- while it holds its lease (lease_owner/lease_until), so two replicas never drive the same job.
create table fine_tune_job (
    id                    varchar(40)  primary key,
    tenant_id             varchar(64)  not null,
    account_id            varchar(40)  not null references provider_account (id),
    dataset_id            varchar(40)  not null,
    dataset_version_id    varchar(40)  not null,
    base_model            varchar(200) not null,
    method                varchar(20)  not null,
    hyperparameters       varchar(1000) not null,
    suffix                varchar(64),
    seed                  bigint,
    metadata              varchar(4000) not null,
    model_name            varchar(200) not null,
    priority              integer      not null,
    state                 varchar(30)  not null,
    paused_from           varchar(30),
    cancel_requested      boolean      not null default false,
    idempotency_key       varchar(80)  not null unique,
    create_attempted      boolean      not null default false,
    provider_job_id       varchar(100),
    training_file_id      varchar(100),
    validation_file_id    varchar(100),
    fine_tuned_model      varchar(300),
    trained_tokens        bigint,
    n_epochs              integer,
    failure_kind          varchar(30),
    failure_message       varchar(2000),
    failure_advice        varchar(1000),
    advisories            varchar(4000) not null default '[]',
    attempts              integer      not null default 0,
    next_attempt_at       timestamptz  not null,
    poll_interval_ms      bigint       not null default 0,
    last_step             bigint       not null default 0,
    progress_published_at timestamptz,
    lease_owner           varchar(80),
    lease_until           timestamptz,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    started_at            timestamptz,
    finished_at           timestamptz
);
create index fine_tune_job_tenant on fine_tune_job (tenant_id, id);
create index fine_tune_job_due on fine_tune_job (state, next_attempt_at);
create index fine_tune_job_account on fine_tune_job (account_id, state);

-- A split uploaded once per (account, dataset version, split) and reused by every later job.
create table provider_file (
    account_id          varchar(40)  not null,
    dataset_version_id  varchar(40)  not null,
    split               varchar(20)  not null,
    provider_file_id    varchar(100) not null,
    bytes               bigint       not null,
    uploaded_at         timestamptz  not null,
    primary key (account_id, dataset_version_id, split)
);

create table job_event (
    job_id             varchar(40)  not null,
    provider_event_id  varchar(100) not null,
    tenant_id          varchar(64)  not null,
    created_at         timestamptz  not null,
    level              varchar(20)  not null,
    type               varchar(20)  not null,
    message            varchar(4000) not null,
    primary key (job_id, provider_event_id)
);

create table job_metric (
    job_id           varchar(40) not null,
    step             bigint      not null,
    total_steps      bigint,
    train_loss       double precision,
    valid_loss       double precision,
    full_valid_loss  double precision,
    primary key (job_id, step)
);

create table job_checkpoint (
    job_id                 varchar(40)  not null,
    provider_checkpoint_id varchar(100) not null,
    step                   bigint       not null,
    model                  varchar(300) not null,
    train_loss             double precision,
    valid_loss             double precision,
    full_valid_loss        double precision,
    created_at             timestamptz  not null,
    primary key (job_id, provider_checkpoint_id)
);

-- Model registry: a named model per tenant, one version per succeeded job, with its lineage.
create table registered_model (
    id          varchar(40)  primary key,
    tenant_id   varchar(64)  not null,
    name        varchar(200) not null,
    created_at  timestamptz  not null,
    unique (tenant_id, name)
);

create table model_version (
    id                  varchar(40)  primary key,
    model_id            varchar(40)  not null references registered_model (id),
    tenant_id           varchar(64)  not null,
    version             integer      not null,
    job_id              varchar(40)  not null unique,
    fine_tuned_model    varchar(300) not null,
    dataset_id          varchar(40)  not null,
    dataset_version_id  varchar(40)  not null,
    base_model          varchar(200) not null,
    method              varchar(20)  not null,
    hyperparameters     varchar(1000) not null,
    trained_tokens      bigint,
    final_train_loss    double precision,
    final_valid_loss    double precision,
    stage               varchar(20)  not null,
    created_at          timestamptz  not null,
    unique (model_id, version)
);
