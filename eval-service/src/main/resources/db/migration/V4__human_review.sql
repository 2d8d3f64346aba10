-- Blind A/B review: one pair per example both the candidate and the baseline answered, the candidate's
-- side drawn at random once; one verdict per (pair, reviewer), a later one replacing the earlier.
create table eval_review_pair (
    id              varchar(40) primary key,
    run_id          varchar(40) not null references eval_run (id),
    idx             integer     not null,
    candidate_side  varchar(1)  not null,
    serve_rank      integer     not null,
    unique (run_id, idx)
);
create index eval_review_pair_serve on eval_review_pair (run_id, serve_rank);

create table eval_review (
    id          varchar(40)  primary key,
    run_id      varchar(40)  not null references eval_run (id),
    pair_id     varchar(40)  not null references eval_review_pair (id),
    reviewer    varchar(200) not null,
    preference  varchar(20)  not null,
    rating      integer,
    created_at  timestamptz  not null,
    unique (pair_id, reviewer)
);
create index eval_review_run on eval_review (run_id);
