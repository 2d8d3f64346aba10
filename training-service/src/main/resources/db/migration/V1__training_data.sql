-- Dataset versions that passed validation, as announced on dataset.validated: what jobs can be
-- created from. Content stays in dataset-service; only where to fetch it is kept here.
create table training_data (
    version_id          varchar(40)  primary key,
    tenant_id           varchar(64)  not null,
    dataset_id          varchar(40)  not null,
    version             integer      not null,
    name                varchar(200) not null,
    method              varchar(20)  not null,
    example_count       bigint       not null,
    billable_tokens     bigint       not null,
    train_path          varchar(300),
    validation_path     varchar(300),
    test_path           varchar(300),
    validated_event_id  varchar(64)  not null,
    recorded_at         timestamptz  not null
);
create index training_data_tenant on training_data (tenant_id, dataset_id, version);
