package io.tuneforge.training;

import io.tuneforge.localinfra.QuarkusServiceProcess;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.tuneforge.training.LoadFixtures.jobsOfAccount;
import static io.tuneforge.training.LoadFixtures.providerUsage;
import static io.tuneforge.training.LoadFixtures.succeededRecords;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static io.tuneforge.training.TrainingReplicas.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of training-service on one database and one broker (issue 9): jobs submitted through both
 * are admitted within each account's limit over both, driven by one replica at a time (leases), created
 * once on the provider, and announced once on job.succeeded by one outbox relay.
 */
class TwoReplicasIT {

    private static final int JOBS_PER_TENANT = 12;

    @Test
    void jobsSubmittedThroughTwoReplicasCompleteExactlyOnceWithinTheLimits() throws Exception {
        CompletableFuture<QuarkusServiceProcess> startingB = CompletableFuture.supplyAsync(() -> TrainingReplicas.start("training-b"));
        QuarkusServiceProcess a = TrainingReplicas.start("training-a");
        QuarkusServiceProcess b = startingB.join();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Set<String> leaseOwners = ConcurrentHashMap.newKeySet();
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                leaseOwners.addAll(TrainingReplicas.query("select distinct lease_owner from training.fine_tune_job where lease_owner is not null",
                        rows -> {
                            List<String> owners = new ArrayList<>();
                            while (rows.next()) {
                                owners.add(rows.getString(1));
                            }
                            return owners;
                        }));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lease-sampler");
        try {
            TrainingReplicas.use(a);
            Map<String, Integer> limits = Map.of(TestTenants.ACME_KEY, 3, TestTenants.GLOBEX_KEY, 2);
            Map<String, TrainingFixtures.Account> accounts = new ConcurrentHashMap<>();
            Map<String, String> datasets = new ConcurrentHashMap<>();
            limits.forEach((key, max) -> {
                accounts.put(key, account(key, max));
                datasets.put(key, validatedDataset(key, 30, max * 7L));
            });
            // Both replicas must know the datasets (each consumes dataset.validated as one consumer group: one of them applied it).
            TrainingReplicas.use(b);
            datasets.forEach((key, dataset) -> TrainingFixtures.awaitTrainable(key, dataset, 1));

            sampler.start();
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS_PER_TENANT; i++) {
                TrainingReplicas.use(i % 2 == 0 ? a : b);
                for (String key : limits.keySet()) {
                    jobs.add(createJob(key, job(datasets.get(key), accounts.get(key).id(), Map.of("n_epochs", 2))));
                }
            }

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> limits.keySet().stream()
                    .flatMap(key -> jobsOfAccount(null, key, accounts.get(key).id()).stream())
                    .filter(j -> "succeeded".equals(j.get("state"))).count() == jobs.size());
            sampling.set(false);
            sampler.join();

            for (Map.Entry<String, Integer> limit : limits.entrySet()) {
                LoadFixtures.ProviderUsage usage = providerUsage(accounts.get(limit.getKey()).organization());
                assertThat(usage.peakActiveJobs()).as(limit.getKey() + "'s account over both replicas: at most " + limit.getValue() + " active")
                        .isBetween(1L, (long) limit.getValue());
                assertThat(usage.jobsCreated()).as("provider jobs of " + limit.getKey()).isEqualTo(JOBS_PER_TENANT);
                assertThat(usage.creationReplays()).as("creations of one job sent twice (by both replicas, or again)").isZero();
            }
            assertThat(leaseOwners).as("replicas that held job leases").hasSize(2);
            String jobList = jobs.stream().map(j -> "'" + j + "'").collect(Collectors.joining(","));
            assertThat(count("select count(*) from training.outbox_event where topic = 'job.succeeded' and subject in (" + jobList + ")"))
                    .as("job.succeeded rows in the outbox").isEqualTo(jobs.size());
            assertThat(count("select count(*) from training.outbox_event where topic = 'job.started' and subject in (" + jobList + ")"))
                    .as("job.started rows in the outbox").isEqualTo(jobs.size());
            Map<String, Long> records = succeededRecords(Set.copyOf(jobs), Duration.ofSeconds(5));
            assertThat(records.keySet()).containsExactlyInAnyOrderElementsOf(jobs);
            assertThat(records).as("job.succeeded records on the broker per job").allSatisfy((job, n) -> assertThat(n).isEqualTo(1L));
        } finally {
            sampling.set(false);
            a.close();
            b.close();
        }
    }
}
