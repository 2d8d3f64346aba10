create table probe_applied (
    event_id text primary key,
    reason   text not null
);

create table probe_note (
    id    bigserial primary key,
    title text not null,
    tags  text not null,
    extra jsonb
);
