-- The model catalog is platform-wide, not tenant-owned: every tenant prices with the same list, and
-- only admin tenants (tuneforge.cost.admin-tenants) change it.
create table catalog_model (
    model_id             varchar(64)  primary key,
    snapshot             varchar(100) not null,
    description          text         not null,
    context_window       integer      not null,
    max_output_tokens    integer,
    max_example_tokens   integer      not null,
    supports_supervised  boolean      not null,
    supports_dpo         boolean      not null,
    supports_vision      boolean      not null,
    limits_source        text         not null,
    updated_at           timestamptz  not null
);

-- Prices are versioned, never edited in place: the price of a model at an instant is the version with
-- the latest effective_from at or before it, so an actual cost is always computed with the price that
-- was in force when the work ran. A null price is unknown (never zero).
create table model_price (
    price_id                      varchar(40)   primary key,
    model_id                      varchar(64)   not null references catalog_model (model_id),
    effective_from                timestamptz   not null,
    training_per_million          numeric(14,6),
    base_input_per_million        numeric(14,6),
    base_cached_input_per_million numeric(14,6),
    base_output_per_million       numeric(14,6),
    ft_input_per_million          numeric(14,6),
    ft_cached_input_per_million   numeric(14,6),
    ft_output_per_million         numeric(14,6),
    source                        text          not null,
    recorded_at                   timestamptz   not null,
    recorded_by                   varchar(64)   not null,
    unique (model_id, effective_from)
);

insert into catalog_model values
 ('gpt-4.1', 'gpt-4.1-2025-04-14', 'Flagship GPT-4.1: complex reasoning, long documents, hard instruction following.',
  1047576, 32768, 65536, true, true, false,
  'OpenAI supervised-fine-tuning and DPO guides (gpt-4.1-2025-04-14 listed); context 1,047,576 as published for the GPT-4.1 family (model directories citing OpenAI); training example limit 65,536 per Azure OpenAI fine-tuning model table (2025-02-06); checked 2026-11-26',
  '2026-11-26T00:00:00Z'),
 ('gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14', 'Balanced cost and quality: the default for production fine-tunes.',
  1047576, 32768, 65536, true, true, false,
  'OpenAI supervised-fine-tuning and DPO guides; context 1,047,576 as published for the GPT-4.1 family; training example limit 65,536 per Azure OpenAI fine-tuning model table (2025-02-06); checked 2026-11-26',
  '2026-11-26T00:00:00Z'),
 ('gpt-4.1-nano', 'gpt-4.1-nano-2025-04-14', 'Cheapest and fastest: high-volume classification and extraction.',
  1047576, 32768, 32768, true, true, false,
  'OpenAI supervised-fine-tuning and DPO guides; context 1,047,576 as published for the GPT-4.1 family; training example limit 32,768 per Azure OpenAI fine-tuning model table (2025-02-06); checked 2026-11-26',
  '2026-11-26T00:00:00Z'),
 ('gpt-4o', 'gpt-4o-2024-08-06', 'GPT-4o: the model OpenAI documents for vision fine-tuning (image inputs).',
  128000, 16384, 65536, true, false, true,
  'OpenAI vision-fine-tuning guide (gpt-4o-2024-08-06); context 128,000 and training example limit 65,536 per Azure OpenAI fine-tuning model table (2025-02-06); checked 2026-11-26',
  '2026-11-26T00:00:00Z'),
 ('gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'Low-cost GPT-4o generation model for budget-constrained fine-tunes.',
  128000, 16384, 65536, true, false, false,
  'OpenAI fine-tuning guide; context 128,000 and training example limit 65,536 per Azure OpenAI fine-tuning model table (2025-02-06); checked 2026-11-26',
  '2026-11-26T00:00:00Z');

insert into model_price values
 ('price_seed_gpt41',      'gpt-4.1',      '2025-04-14T00:00:00Z', 25.00, 2.00, 0.50,  8.00,  3.00, 0.75,  12.00,
  'OpenAI API pricing (openai.com/api/pricing): text tokens and fine-tuning tables; checked 2026-11-26; effective from the snapshot release date', '2026-11-26T00:00:00Z', 'seed'),
 ('price_seed_gpt41mini',  'gpt-4.1-mini', '2025-04-14T00:00:00Z',  5.00, 0.40, 0.10,  1.60,  0.80, 0.20,   3.20,
  'OpenAI API pricing (openai.com/api/pricing): text tokens and fine-tuning tables; checked 2026-11-26; effective from the snapshot release date', '2026-11-26T00:00:00Z', 'seed'),
 ('price_seed_gpt41nano',  'gpt-4.1-nano', '2025-04-14T00:00:00Z',  1.50, 0.10, 0.025, 0.40,  0.20, 0.05,   0.80,
  'OpenAI API pricing (openai.com/api/pricing): text tokens and fine-tuning tables; checked 2026-11-26; effective from the snapshot release date', '2026-11-26T00:00:00Z', 'seed'),
 ('price_seed_gpt4o',      'gpt-4o',       '2024-08-06T00:00:00Z', 25.00, 2.50, 1.25, 10.00,  3.75, 1.875, 15.00,
  'OpenAI API pricing (openai.com/api/pricing) and OpenAI GPT-4o fine-tuning announcement ($25 training, $3.75/$15 inference); checked 2026-11-26; effective from the snapshot release date', '2026-11-26T00:00:00Z', 'seed'),
 ('price_seed_gpt4omini',  'gpt-4o-mini',  '2024-07-18T00:00:00Z',  3.00, 0.15, 0.075, 0.60,  0.30, 0.15,   1.20,
  'OpenAI API pricing (openai.com/api/pricing): text tokens and fine-tuning tables; checked 2026-11-26; effective from the snapshot release date', '2026-11-26T00:00:00Z', 'seed');

-- Which fine-tuning method the estimated dataset is for (V1 rows predate it and were supervised).
alter table training_estimate add column method varchar(20) not null default 'supervised';

-- Training cost of an estimated dataset version on one candidate model, with the price it used.
create table training_estimate_candidate (
    candidate_id          varchar(40)   primary key,
    version_id            varchar(40)   not null references training_estimate (version_id),
    model_id              varchar(64)   not null,
    snapshot              varchar(100)  not null,
    price_id              varchar(40),
    training_per_million  numeric(14,6),
    cost_usd              numeric(24,12),
    unique (version_id, model_id)
);

-- Every cost a tenant incurred. reference identifies what was billed (the job id for training, the
-- reporter's idempotency key for usage) so the same cost is never recorded twice, whatever the event id.
create table spend_entry (
    entry_id     varchar(40)   primary key,
    tenant_id    varchar(64)   not null,
    kind         varchar(20)   not null check (kind in ('training', 'evaluation', 'inference')),
    reference    varchar(200)  not null,
    model_id     varchar(64),
    model_name   varchar(200)  not null,
    tokens       bigint        not null,
    amount_usd   numeric(24,12),
    price_id     varchar(40),
    occurred_at  timestamptz   not null,
    day          date          not null,
    recorded_at  timestamptz   not null,
    unique (tenant_id, kind, reference)
);
create index spend_entry_tenant_day on spend_entry (tenant_id, day);

-- Actual training cost of a job beside what was estimated for its dataset version and model.
create table job_cost (
    job_id                    varchar(64)   primary key,
    tenant_id                 varchar(64)   not null,
    dataset_id                varchar(64)   not null,
    dataset_version_id        varchar(64)   not null,
    base_model                varchar(200)  not null,
    model_id                  varchar(64),
    trained_tokens            bigint        not null,
    n_epochs                  integer       not null,
    actual_usd                numeric(24,12),
    estimated_trained_tokens  bigint,
    estimated_usd             numeric(24,12),
    finished_at               timestamptz   not null
);
create index job_cost_tenant on job_cost (tenant_id, job_id);

create table budget (
    budget_id          varchar(40)   primary key,
    tenant_id          varchar(64)   not null unique,
    monthly_limit_usd  numeric(18,2) not null check (monthly_limit_usd > 0),
    warn_percent       integer       not null check (warn_percent between 1 and 100),
    hard_stop          boolean       not null,
    updated_at         timestamptz   not null
);

-- One row per threshold crossing, so budget.warning / budget.exceeded go out once per budget, month
-- and limit (a raised limit crossed again alerts again).
create table budget_alert (
    budget_id   varchar(40)    not null references budget (budget_id),
    month       varchar(7)     not null,
    level       varchar(10)    not null check (level in ('warning', 'exceeded')),
    limit_usd   numeric(18,2)  not null,
    spent_usd   numeric(24,12) not null,
    raised_at   timestamptz    not null,
    primary key (budget_id, month, level, limit_usd)
);
