-- Token basis of a training run per validated dataset version: billable tokens per epoch, the
-- epochs OpenAI's "auto" would choose, and the tokens that would be billed.
create table training_estimate (
    version_id        varchar(40)  primary key,
    tenant_id         varchar(64)  not null,
    dataset_id        varchar(40)  not null,
    version           integer      not null,
    train_examples    bigint       not null,
    tokens_per_epoch  bigint       not null,
    auto_epochs       integer      not null,
    trained_tokens    bigint       not null,
    estimated_at      timestamptz  not null
);
create index training_estimate_tenant on training_estimate (tenant_id, dataset_id, version);
