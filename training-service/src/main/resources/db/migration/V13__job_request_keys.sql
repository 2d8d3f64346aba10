-- Idempotency-Key of POST /api/v1/jobs: per tenant, bound to the request's hash, with the answer replayed.
create table job_request_key (
    tenant_id        varchar(64)  not null,
    idempotency_key  varchar(255) not null,
    request_hash     varchar(64)  not null,
    job_id           varchar(64),
    response_status  integer,
    response_body    text,
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    primary key (tenant_id, idempotency_key)
);
create index job_request_key_expiry on job_request_key (expires_at);
