-- Webhook ids seen per account, kept while their signature could still be accepted: a replay is refused.
create table webhook_delivery (
    account_id  varchar(64)  not null,
    webhook_id  varchar(255) not null,
    expires_at  timestamptz  not null,
    primary key (account_id, webhook_id)
);
create index webhook_delivery_expiry on webhook_delivery (expires_at);
