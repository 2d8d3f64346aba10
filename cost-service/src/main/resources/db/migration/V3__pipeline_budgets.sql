-- A budget belongs to the tenant (pipeline_id null) or to one of its pipelines: at most one of each.
alter table budget drop constraint budget_tenant_id_key;
alter table budget add column pipeline_id varchar(64);
create unique index budget_scope on budget (tenant_id, coalesce(pipeline_id, ''));

-- The pipeline a cost belongs to (from the event that reported it), so a pipeline budget counts its own spend.
alter table spend_entry add column pipeline_id varchar(64);
create index spend_entry_pipeline on spend_entry (tenant_id, pipeline_id, day) where pipeline_id is not null;
