-- gateway-service's schema "serving": aliases and their history, rollouts (a persisted state machine
-- claimed with leases), every served call, per-minute usage windows for inference.usage, feedback.

create table alias (
    tenant_id    varchar(64)  not null,
    name         varchar(100) not null,
    stable_model varchar(300) not null,
    account_id   varchar(200),
    pipeline_id  varchar(100),
    -- JSON AutoRolloutPolicy: eval.completed "promote" for pipeline_id starts a rollout with it; null = never.
    auto_rollout text,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    primary key (tenant_id, name)
);
create index alias_by_pipeline on alias (tenant_id, pipeline_id) where pipeline_id is not null;

-- Every change of an alias's stable model: by hand, by a completed rollout, or its creation.
create table alias_change (
    id          varchar(64)  primary key,
    tenant_id   varchar(64)  not null,
    alias       varchar(100) not null,
    from_model  varchar(300),
    to_model    varchar(300) not null,
    cause       varchar(30)  not null,
    rollout_id  varchar(64),
    changed_at  timestamptz  not null
);
create index alias_change_by_alias on alias_change (tenant_id, alias, id);

create table rollout (
    id               varchar(64)  primary key,
    tenant_id        varchar(64)  not null,
    alias            varchar(100) not null,
    stable_model     varchar(300) not null,
    candidate_model  varchar(300) not null,
    account_id       varchar(200),
    pipeline_id      varchar(100),
    steps            text         not null,
    step_index       integer      not null,
    min_requests     integer      not null,
    min_duration_ms  bigint       not null,
    guards           text         not null,
    state            varchar(20)  not null,
    step_started_at  timestamptz  not null,
    started_by       varchar(20)  not null,
    eval_id          varchar(64),
    outcome_reason   varchar(30),
    outcome_detail   text,
    evidence         text,
    finished_steps   text         not null,
    lease_owner      varchar(100),
    lease_until      timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    finished_at      timestamptz
);
-- One live rollout per alias: a second POST (or a promotion racing a POST) gets a 409.
create unique index rollout_one_live_per_alias on rollout (tenant_id, alias) where state in ('active', 'paused');
create index rollout_due on rollout (lease_until) where state = 'active';
create index rollout_by_tenant on rollout (tenant_id, id);

create table inference_call (
    id                   varchar(64)  primary key,
    tenant_id            varchar(64)  not null,
    completion_id        varchar(200),
    alias                varchar(100),
    arm                  varchar(20)  not null,
    model                varchar(300) not null,
    rollout_id           varchar(64),
    step_index           integer,
    status               integer      not null,
    failed               boolean      not null,
    latency_ms           bigint       not null,
    prompt_tokens        bigint       not null,
    cached_prompt_tokens bigint       not null,
    completion_tokens    bigint       not null,
    pipeline_id          varchar(100),
    streamed             boolean      not null,
    created_at           timestamptz  not null
);
create index inference_call_by_step on inference_call (rollout_id, step_index, arm) where rollout_id is not null;
create index inference_call_by_completion on inference_call (tenant_id, completion_id);

-- Calls and tokens per tenant, model and pipeline per minute; published once as inference.usage (usage_id).
create table usage_window (
    tenant_id            varchar(64)  not null,
    model                varchar(300) not null,
    pipeline_id          varchar(100) not null,
    window_start         timestamptz  not null,
    calls                bigint       not null,
    prompt_tokens        bigint       not null,
    cached_prompt_tokens bigint       not null,
    completion_tokens    bigint       not null,
    usage_id             varchar(200) not null unique,
    published_at         timestamptz,
    primary key (tenant_id, model, pipeline_id, window_start)
);
create index usage_window_pending on usage_window (window_start) where published_at is null;

create table feedback (
    id               varchar(64)  primary key,
    tenant_id        varchar(64)  not null,
    completion_id    varchar(200) not null,
    alias            varchar(100),
    model            varchar(300) not null,
    arm              varchar(20)  not null,
    rating           varchar(5)   not null,
    score            double precision not null,
    negative         boolean      not null,
    comment          text,
    corrected_output text,
    pipeline_id      varchar(100),
    created_at       timestamptz  not null
);
create index feedback_by_model on feedback (tenant_id, alias, model, created_at);
create index feedback_by_tenant on feedback (tenant_id, id);

-- When quality.degraded was last raised per alias and model (the debounce), locked while deciding.
create table quality_alert (
    tenant_id      varchar(64)  not null,
    alias          varchar(100) not null,
    model          varchar(300) not null,
    last_raised_at timestamptz,
    primary key (tenant_id, alias, model)
);
