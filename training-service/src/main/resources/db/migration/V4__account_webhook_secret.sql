-- The signing secret of the provider's webhooks for an account (sealed like the API key).
alter table provider_account add column webhook_secret_sealed varchar(2000);
