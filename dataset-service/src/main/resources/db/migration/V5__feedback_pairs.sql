-- DPO pairs from production feedback (feedback.recorded): a preference dataset names a gateway alias, the
-- consumer turns rated and corrected exchanges of that alias into preference pairs, and pending pairs become new
-- versions through the same ingestion as uploads.

-- At most one feedback source per dataset. Counters are kept here (not recomputed from rows) because feedback
-- that made no pair leaves no row behind.
create table feedback_source (
    dataset_id                varchar(40)  primary key references dataset (id) on delete cascade,
    tenant_id                 varchar(64)  not null,
    alias                     varchar(200) not null,
    min_new_pairs             integer      not null,
    auto_version              boolean      not null,
    redact_pii                boolean      not null,
    feedback_seen             bigint       not null default 0,
    feedback_without_exchange bigint       not null default 0,
    -- After a rejected feedback version released its pairs, auto-versioning waits until this many are pending
    -- (so it does not retry at every new event); null when not held.
    auto_hold_until           integer,
    -- A build in progress (a lease, so replicas and concurrent triggers never build two versions from the same
    -- pairs at once); null when none. An expired lease (a crashed builder) may be taken over.
    build_started_at          timestamptz,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null
);
-- The consumer looks sources up by the event's tenant and alias.
create index feedback_source_alias on feedback_source (tenant_id, alias);

-- Feedback that made no pair, counted per reason.
create table feedback_skip (
    dataset_id varchar(40)  not null references dataset (id) on delete cascade,
    reason     varchar(60)  not null,
    count      bigint       not null,
    primary key (dataset_id, reason)
);

-- A preference pair made from feedback: pending while version_id is null, then marked with the version it went
-- into and never reused. version_id is not a foreign key on purpose: deleting that version must not make its
-- pairs pending again.
create table feedback_pair (
    id                      varchar(40)  primary key,
    tenant_id               varchar(64)  not null,
    dataset_id              varchar(40)  not null references dataset (id) on delete cascade,
    feedback_id             varchar(200) not null,
    counterpart_feedback_id varchar(200),
    rule                    varchar(20)  not null,
    content                 text         not null,
    created_at              timestamptz  not null,
    version_id              varchar(40),
    version                 integer,
    -- A redelivered event (or the same feedback under a new event id) adds nothing.
    unique (dataset_id, feedback_id)
);
create unique index feedback_pair_counterpart on feedback_pair (dataset_id, counterpart_feedback_id)
    where counterpart_feedback_id is not null;
create index feedback_pair_pending on feedback_pair (dataset_id, created_at, id) where version_id is null;

-- A rated exchange (positive or negative, no usable correction) waiting for a counterpart with the opposite
-- rating on the same input. Bounded: rows older than the retention, and the oldest beyond the per-dataset limit,
-- are dropped (and counted as 'no_counterpart').
create table feedback_waiting (
    id            varchar(40)  primary key,
    tenant_id     varchar(64)  not null,
    dataset_id    varchar(40)  not null references dataset (id) on delete cascade,
    feedback_id   varchar(200) not null,
    completion_id varchar(200) not null,
    input_key     varchar(64)  not null,
    positive      boolean      not null,
    input         text         not null,
    output        text         not null,
    received_at   timestamptz  not null,
    unique (dataset_id, feedback_id)
);
create index feedback_waiting_match on feedback_waiting (dataset_id, input_key, positive, received_at);
create index feedback_waiting_age on feedback_waiting (dataset_id, received_at);

-- A version made from feedback (mode 'FEEDBACK'): the alias and the pairs it took, by rule.
alter table dataset_version add column feedback_report text;
