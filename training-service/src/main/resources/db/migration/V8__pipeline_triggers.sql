-- Retraining triggers: a cron schedule (Unix, 5 fields; next_run_at is claimed by one replica with
-- an update ... returning) and a quality drop of the production model beyond a threshold.
alter table pipeline add column schedule varchar(120);
alter table pipeline add column next_run_at timestamptz;
alter table pipeline add column quality_drop_threshold double precision not null default 0.05;
-- A trigger that fired but has to wait (debounce/minimum interval, budget hold): its reason and detail.
alter table pipeline add column pending_reason varchar(40);
alter table pipeline add column pending_detail varchar(2000);

-- What made a run start beyond its reason (e.g. the accuracies of a quality drop).
alter table pipeline_run add column detail varchar(2000);
create index pipeline_schedule_due on pipeline (next_run_at) where schedule is not null;
