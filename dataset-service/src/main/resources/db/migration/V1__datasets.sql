create table dataset (
    id             varchar(40)  primary key,
    tenant_id      varchar(64)  not null,
    name           varchar(200) not null,
    method         varchar(20)  not null,
    latest_version integer      not null default 0,
    created_at     timestamptz  not null
);
create index dataset_tenant on dataset (tenant_id, id);

create table dataset_version (
    id              varchar(40)  primary key,
    tenant_id       varchar(64)  not null,
    dataset_id      varchar(40)  not null references dataset (id) on delete cascade,
    version         integer      not null,
    status          varchar(20)  not null,
    example_count   bigint       not null,
    billable_tokens bigint       not null,
    encoding        varchar(40)  not null,
    error_count     bigint       not null,
    findings        text         not null,
    created_at      timestamptz  not null,
    unique (dataset_id, version)
);
create index dataset_version_tenant on dataset_version (tenant_id, dataset_id);

-- One row per example: every replica can stream any split, and a split is a range scan.
create table dataset_example (
    version_id varchar(40) not null references dataset_version (id) on delete cascade,
    line_no    bigint      not null,
    split      varchar(12) not null,
    tokens     integer     not null,
    content    text        not null,
    primary key (version_id, line_no)
);
create index dataset_example_split on dataset_example (version_id, split, line_no);
