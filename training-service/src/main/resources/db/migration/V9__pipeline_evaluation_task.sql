-- The kind of answer a pipeline's evaluations expect and its required format (events' EvaluationTask
-- JSON; null = exact match, no format), carried to eval-service on job.succeeded.
alter table pipeline add column evaluation_task varchar(8000);
