-- The full report of the validation engine (dataset-validation) for each version: findings per code with
-- example lines, token distribution, the quality checklist, the cookbook summary. Older versions have none.
alter table dataset_version add column report text;
