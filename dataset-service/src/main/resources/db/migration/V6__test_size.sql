-- The held-out test size, a fraction of the examples or a count (exactly one of the two, or neither): on a dataset, the
-- default of its versions (neither: the service's configured percentage); on a version, the size its split used
-- (neither: stored before the size was kept).
alter table dataset add column test_fraction numeric(5, 4), add column test_count bigint,
    add constraint dataset_test_size check (test_fraction is null or test_count is null);
alter table dataset_version add column test_fraction numeric(5, 4), add column test_count bigint,
    add constraint dataset_version_test_size check (test_fraction is null or test_count is null);
