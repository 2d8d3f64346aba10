-- Exchange capture (opt-in per alias): the prompt and the answer behind a completion, kept for a limited
-- time so that feedback on it can carry them (feedback.recorded "exchange") and become training data.

-- Whether calls through the alias are captured, and for how long (days) an exchange captured now is kept.
-- Existing aliases do not capture: prompts may hold personal data, so capturing is always a decision.
alter table alias add column capture_enabled boolean not null default false;
alter table alias add column capture_retention_days integer not null default 30;

-- Why a call through a capturing alias has no stored exchange (too_large, failed); null otherwise.
alter table inference_call add column capture_skipped varchar(30);

-- One captured exchange per completion. The JSON is kept as text, byte for byte as it will be handed on
-- (jsonb would reorder keys and normalise numbers of the caller's messages and tool schemas).
create table captured_exchange (
    tenant_id     varchar(64)  not null,
    completion_id varchar(200) not null,
    alias         varchar(100) not null,
    model         varchar(300) not null,
    arm           varchar(20)  not null,
    -- the request's "messages" array and "tools" array (null when it had none), as sent
    messages      text         not null,
    tools         text,
    -- the assistant message served: {"role": "assistant", "content": ..., "tool_calls": [...]?}
    output        text         not null,
    size_bytes    integer      not null,
    captured_at   timestamptz  not null,
    -- captured_at + the alias's retention at capture time: a later change of the retention does not move it
    expires_at    timestamptz  not null,
    primary key (tenant_id, completion_id)
);
-- The purge walks expired rows oldest first.
create index captured_exchange_expiry on captured_exchange (expires_at);
