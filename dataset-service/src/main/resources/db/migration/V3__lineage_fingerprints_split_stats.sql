-- Lineage: how a version came to be (a new upload, an append to its parent, ...) and what was sent.
-- Enum names as Hibernate stores them (EnumType.STRING): versions stored before V3 were all uploads.
alter table dataset_version add column mode varchar(20) not null default 'UPLOAD';
alter table dataset_version add column parent_version_id varchar(40) references dataset_version (id);
alter table dataset_version add column uploaded_bytes bigint;
-- In an append, the first line of the combined file that came from this upload (earlier lines are the parent's).
alter table dataset_version add column first_uploaded_line bigint;
-- Per split: examples, tokens and examples per category (JSON), and the category the split was stratified by.
alter table dataset_version add column split_stats text;
alter table dataset_version add column stratified boolean not null default false;

-- The engine's structural content fingerprint of each example (key order and whitespace do not matter), so
-- versions are compared by content with a group-by instead of by loading examples; and the example's
-- category when the version has categories. Versions stored before this migration have neither.
alter table dataset_example add column fingerprint bigint;
alter table dataset_example add column category varchar(200);
