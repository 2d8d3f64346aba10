-- A job tuneforge marked failed while the provider may still run it (a provider call it could not make,
-- not a failure the provider reported) is reconciled: polled until the provider reports its real outcome,
-- which is then applied (model registered, job.succeeded for cost-service).
alter table fine_tune_job add column reconcile boolean not null default false;

-- Jobs given up after transient errors while they existed on the provider: their outcome there is unknown.
update fine_tune_job set reconcile = true, next_attempt_at = now()
where state = 'FAILED' and provider_job_id is not null and failure_kind = 'provider_error'
  and failure_message like '%gave up after%';
