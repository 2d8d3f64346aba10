-- Model lifecycle per provider: whether and how a base model can be fine-tuned there, when it is
-- deprecated and shut down, and what to use instead. Each row says where its facts come from and when
-- they were checked; a fact nobody could find is null (unknown), never guessed.
create table model_lifecycle (
    model_id             varchar(64)   not null references catalog_model (model_id),
    provider             varchar(10)   not null check (provider in ('openai', 'azure')),
    fine_tunable         boolean       not null,
    methods              varchar(100)  not null,  -- comma-separated subset of sft, dpo, rft
    training_tiers       varchar(100)  not null,  -- comma-separated subset of global, standard, developer (Azure)
    deprecated_on        date,
    shutdown_on          date,                    -- the base model (and every fine-tune of it) stops serving
    training_ends_on     date,                    -- no new fine-tuning jobs from this day on
    substitute           varchar(200),
    substitute_provider  varchar(10)   check (substitute_provider in ('openai', 'azure')),
    notes                text,
    source               text          not null,
    checked_on           date          not null,
    updated_at           timestamptz   not null,
    updated_by           varchar(64)   not null,
    primary key (model_id, provider)
);

-- Hourly hosting fee of a deployed fine-tuned model per Azure deployment type; versioned like prices.
-- hourly_usd null = unknown (never zero); developertier has no hourly fee (0).
create table hosting_price (
    price_id         varchar(40)     primary key,
    model_id         varchar(64)     not null references catalog_model (model_id),
    deployment_type  varchar(20)     not null check (deployment_type in ('developertier', 'standard', 'globalstandard')),
    hourly_usd       numeric(24,12)  check (hourly_usd >= 0),
    effective_from   timestamptz     not null,
    source           text            not null,
    checked_on       date            not null,
    recorded_at      timestamptz     not null,
    recorded_by      varchar(64)     not null,
    unique (model_id, deployment_type, effective_from)
);

-- Hours a tenant's deployment was up, booked once per (deployment, period start).
create table deployment_hours (
    tenant_id        varchar(64)    not null,
    deployment_id    varchar(128)   not null,
    started_at       timestamptz    not null,
    ended_at         timestamptz    not null check (ended_at > started_at),
    account_id       varchar(64)    not null,
    model            varchar(200)   not null,
    sku              varchar(20)    not null,
    entry_id         varchar(40)    not null,
    primary key (tenant_id, deployment_id, started_at)
);

alter table spend_entry drop constraint spend_entry_kind_check;
alter table spend_entry add constraint spend_entry_kind_check
    check (kind in ('training', 'evaluation', 'inference', 'hosting'));

insert into model_lifecycle (model_id, provider, fine_tunable, methods, training_tiers, deprecated_on, shutdown_on,
                             training_ends_on, substitute, substitute_provider, notes, source, checked_on, updated_at, updated_by)
select m.model_id, 'openai', true,
       case when m.model_id like 'gpt-4.1%' then 'sft,dpo' else 'sft' end,
       '', null, null, date '2027-01-06', m.model_id, 'azure',
       'OpenAI stops creating self-serve fine-tuning jobs for every organization on 2027-01-06 (new organizations '
           || 'from 2026-05-07, organizations without fine-tuned inference in 60 days from 2026-07-02); inference on '
           || 'existing fine-tunes continues until the base model is shut down. No shutdown date of this base model '
           || 'was found on the deprecations page copies read.',
       'https://platform.openai.com/docs/deprecations ("Update to OpenAI''s self-serve fine-tuning", as mirrored in '
           || 'https://spybara.com/openai/api/history/docs/en/2026-05-12-1857..2026-05-14-2100/ and reported by '
           || 'https://wpnews.pro/news/openai-enacts-new-self-serve-fine-tuning-restrictions-effective-july-2-2026.md); '
           || 'methods: https://platform.openai.com/docs/guides/supervised-fine-tuning and /direct-preference-optimization',
       date '2026-12-07', now(), 'seed'
from catalog_model m where m.model_id in ('gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o', 'gpt-4o-mini');

insert into model_lifecycle (model_id, provider, fine_tunable, methods, training_tiers, deprecated_on, shutdown_on,
                             training_ends_on, substitute, substitute_provider, notes, source, checked_on, updated_at, updated_by)
select m.model_id, 'azure', true,
       'sft',
       'standard,global,developer', null, null, null, null, null,
       'Azure retirement dates of fine-tunable models were not found in the copies read; unknown until an admin sets them. '
           || 'DPO per model on Azure was not confirmed in the copies read, so only sft is listed. '
           || 'Training tiers: regional standard, global (10-30 % cheaper, no data residency) and developer '
           || '(50 % cheaper than global, pre-emptible).',
       'https://learn.microsoft.com/azure/foundry/openai/how-to/fine-tuning-cost-management (training tiers); '
           || 'MicrosoftDocs/azure-ai-docs articles/ai-services/openai/includes/fine-tune-models.md (2025-02-06: the model is fine-tunable)',
       date '2026-12-07', now(), 'seed'
from catalog_model m where m.model_id in ('gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o', 'gpt-4o-mini');

-- Developer tier has no hourly hosting fee (per-token only); Standard and Global Standard charge by the hour,
-- but no hourly figure was found in the copies read (Azure's pricing page renders prices client-side): unknown.
insert into hosting_price (price_id, model_id, deployment_type, hourly_usd, effective_from, source, checked_on, recorded_at, recorded_by)
select 'hostp_seed_' || replace(m.model_id, '.', '') || '_' || t.type, m.model_id, t.type, t.hourly,
       timestamptz '2025-01-01 00:00:00+00', t.source, date '2026-12-07', now(), 'seed'
from catalog_model m
cross join (values
    ('developertier', 0::numeric, 'https://learn.microsoft.com/azure/ai-services/openai/how-to/fine-tune-test ("without the hourly hosting fee incurred by Standard or Global deployments")'),
    ('standard', null::numeric, 'https://learn.microsoft.com/azure/ai-services/openai/how-to/fine-tuning-deploy (hourly hosting charge; amount not found, see https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/)'),
    ('globalstandard', null::numeric, 'https://learn.microsoft.com/azure/ai-services/openai/how-to/fine-tuning-deploy (hourly hosting charge; amount not found, see https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/)')
) as t(type, hourly, source)
where m.model_id in ('gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o', 'gpt-4o-mini');
