-- Evaluation runs: a persisted state machine (queued -> running -> completed | failed). A worker
-- holds a run through a lease, so a crashed replica's run is picked up again when the lease expires.
create table eval_run (
    id              varchar(40)  primary key,
    tenant_id       varchar(64)  not null,
    dataset_id      varchar(40)  not null,
    version_id      varchar(40)  not null,
    test_path       varchar(300) not null,
    spec            text         not null,
    state           varchar(20)  not null,
    examples        integer,
    decision        varchar(20),
    failure_kind    varchar(20),
    failure         text,
    report          text,
    lease_until     timestamptz,
    created_at      timestamptz  not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index eval_run_tenant on eval_run (tenant_id, id);
create index eval_run_pending on eval_run (state, lease_until) where state in ('queued', 'running');

-- The test examples, copied once from dataset-service when the run starts, so that a resumed run
-- evaluates exactly the same examples even if the split is re-read differently later.
create table eval_example (
    run_id     varchar(40) not null references eval_run (id),
    idx        integer     not null,
    prompt     text        not null,
    reference  text        not null,
    category   varchar(200),
    primary key (run_id, idx)
);

-- One finished model call per (run, role, example). Written once: a resumed run skips what is here,
-- so a finished sample is never paid for twice.
create table eval_sample (
    run_id             varchar(40)  not null references eval_run (id),
    role               varchar(20)  not null,
    idx                integer      not null,
    model              varchar(200) not null,
    output             text,
    latency_ms         bigint,
    prompt_tokens      integer,
    completion_tokens  integer,
    error              text,
    finished_at        timestamptz  not null,
    primary key (run_id, role, idx)
);
