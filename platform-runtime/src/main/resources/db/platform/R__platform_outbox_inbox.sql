-- Tables every service has in its own schema. A repeatable migration (re-applied when this file
-- changes) written idempotently, so the shared library can evolve these tables without colliding
-- with the version numbers of each service's own migrations.

create table if not exists outbox_event (
    seq             bigserial    primary key,
    event_id        varchar(64)  not null unique,
    tenant_id       varchar(64)  not null,
    topic           varchar(200) not null,
    event_type      varchar(200) not null,
    subject         varchar(200) not null,
    payload         text         not null,
    occurred_at     timestamptz  not null,
    published_at    timestamptz,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    last_error      text
);

create index if not exists outbox_event_pending on outbox_event (seq) where published_at is null;

create table if not exists inbox_event (
    consumer    varchar(100) not null,
    event_id    varchar(64)  not null,
    topic       varchar(200) not null,
    tenant_id   varchar(64),
    applied_at  timestamptz  not null,
    primary key (consumer, event_id)
);
