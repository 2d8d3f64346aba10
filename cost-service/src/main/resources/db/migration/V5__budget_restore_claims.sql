-- An exceeded alert is open while its budget may still hold jobs. The first transaction that sees the
-- budget stop holding (raised limit, hard stop off, deleted, new month) stamps it and emits
-- budget.restored; the update's row lock makes that exactly one transaction across replicas.
alter table budget_alert add column restored_at timestamptz;
alter table budget_alert add column restore_reason varchar(30);
create index budget_alert_open on budget_alert (month) where level = 'exceeded' and restored_at is null;
