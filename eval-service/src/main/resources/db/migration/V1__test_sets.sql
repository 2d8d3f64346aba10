-- Held-out test splits announced on dataset.validated: what evaluations run on. The examples stay
-- in dataset-service and are streamed from test_path when a run starts.
create table test_set (
    version_id    varchar(40)  primary key,
    tenant_id     varchar(64)  not null,
    dataset_id    varchar(40)  not null,
    version       integer      not null,
    name          varchar(200) not null,
    method        varchar(20)  not null,
    examples      bigint       not null,
    test_path     varchar(300) not null,
    recorded_at   timestamptz  not null
);
create index test_set_tenant on test_set (tenant_id, dataset_id, version);
