-- A version converted from another format on upload: the source format and the importer's mapping report.
alter table dataset_version add column import_format varchar(40);
alter table dataset_version add column import_report text;
-- A redacted copy of another version (mode 'REDACTED', parent_version_id = the source): what was replaced.
alter table dataset_version add column redaction_report text;
