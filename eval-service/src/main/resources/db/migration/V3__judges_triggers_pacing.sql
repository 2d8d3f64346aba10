-- One finished judge call per (run, kind, subject, example): a score of one role's answer, or one order
-- of a pairwise comparison. Written once: a resumed run never asks the judge again for what is here.
create table eval_judgement (
    run_id             varchar(40)  not null references eval_run (id),
    kind               varchar(20)  not null,
    subject            varchar(30)  not null,
    idx                integer      not null,
    judge_model        varchar(200) not null,
    reply              text,
    score              integer,
    choice             varchar(10),
    prompt_tokens      integer,
    completion_tokens  integer,
    error              text,
    finished_at        timestamptz  not null,
    primary key (run_id, kind, subject, idx)
);

-- A run started by job.succeeded remembers its job: one run per job, however often the event arrives.
alter table eval_run add column job_id varchar(64);
alter table eval_run add column pipeline_id varchar(64);
alter table eval_run add column provider_account varchar(200);
alter table eval_run add column paced_waits integer not null default 0;
alter table eval_run add column throttled_calls integer not null default 0;
create unique index eval_run_job on eval_run (tenant_id, job_id) where job_id is not null;
