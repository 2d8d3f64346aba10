package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.tuneforge.training.LoadFixtures.jobsOfAccount;
import static io.tuneforge.training.LoadFixtures.providerUsage;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.providerJobs;
import static io.tuneforge.training.TrainingFixtures.simulator;
import static io.tuneforge.training.TrainingFixtures.state;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many jobs at once, judged by what the simulator saw, not by what tuneforge believes. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class SchedulingTest {

    private record Tenant(String key, int maxActiveJobs) {
    }

    /**
     * 200 jobs (-Dtuneforge.test.jobs) of three tenants, submitted at once from three clients: every one succeeds,
     * the provider never sees an account over its max_active_jobs nor a second job for one tuneforge job, and
     * no tenant waits for another's burst.
     */
    @Test
    void manyJobsOfThreeTenantsStayWithinEachAccountsLimitRunOnceAndShareFairly() throws Exception {
        int total = Integer.getInteger("tuneforge.test.jobs", 200);
        List<Tenant> tenants = List.of(new Tenant(TestTenants.ACME_KEY, 4), new Tenant(TestTenants.GLOBEX_KEY, 5),
                new Tenant(TestTenants.INITECH_KEY, 3));
        Map<String, TrainingFixtures.Account> accounts = new HashMap<>();
        Map<String, String> datasets = new HashMap<>();
        for (Tenant t : tenants) {
            accounts.put(t.key(), account(t.key(), t.maxActiveJobs()));
            datasets.put(t.key(), validatedDataset(t.key(), 30, t.key().hashCode()));
        }
        Map<String, Integer> submitted = new HashMap<>();
        for (int i = 0; i < total; i++) {
            submitted.merge(tenants.get(i % tenants.size()).key(), 1, Integer::sum);
        }
        ExecutorService clients = Executors.newFixedThreadPool(tenants.size());
        try {
            List<Future<?>> submitting = new ArrayList<>();
            for (Tenant t : tenants) {
                submitting.add(clients.submit(() -> {
                    for (int i = 0; i < submitted.get(t.key()); i++) {
                        Map<String, Object> body = job(datasets.get(t.key()), accounts.get(t.key()).id(), Map.of("n_epochs", 1));
                        body.put("priority", i % 3 * 10);
                        createJob(t.key(), body);
                    }
                }));
            }
            for (Future<?> f : submitting) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }

        Map<String, List<Map<String, Object>>> jobs = new HashMap<>();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (Tenant t : tenants) {
                jobs.put(t.key(), jobsOfAccount(null, t.key(), accounts.get(t.key()).id()));
            }
            return jobs.values().stream().flatMap(List::stream).allMatch(j -> !ACTIVE_OR_WAITING.contains((String) j.get("state")));
        });

        for (Tenant t : tenants) {
            List<Map<String, Object>> own = jobs.get(t.key());
            assertThat(own).hasSize(submitted.get(t.key()));
            assertThat(own).as("every job of " + t.key() + " succeeded").allSatisfy(j -> assertThat(j.get("state")).isEqualTo("succeeded"));
            String organization = accounts.get(t.key()).organization();
            LoadFixtures.ProviderUsage usage = providerUsage(organization);
            assertThat(usage.peakActiveJobs()).as(t.key() + "'s account: at most " + t.maxActiveJobs() + " active on the provider")
                    .isBetween(1L, (long) t.maxActiveJobs());
            assertThat(usage.jobsCreated()).as("provider jobs created for " + t.key()).isEqualTo((long) submitted.get(t.key()));
            List<Map<String, Object>> seen = providerJobs(organization);
            assertThat(seen.stream().map(SchedulingTest::tuneforgeJobId).collect(Collectors.toSet()))
                    .as("one provider job per tuneforge job").hasSize(submitted.get(t.key()))
                    .isEqualTo(own.stream().map(j -> (String) j.get("id")).collect(Collectors.toSet()));
        }

        // Fairness, from the order in which jobs finished: a tenant's jobs do not wait for another tenant's burst.
        Map<String, String> tenantOfJob = new HashMap<>();
        List<Map<String, Object>> byFinish = new ArrayList<>();
        jobs.forEach((key, own) -> own.forEach(j -> {
            tenantOfJob.put((String) j.get("id"), key);
            byFinish.add(j);
        }));
        byFinish.sort(Comparator.comparing(j -> Instant.parse((String) j.get("finished_at"))));
        Set<String> amongFirst = byFinish.subList(0, 12).stream().map(j -> tenantOfJob.get((String) j.get("id"))).collect(Collectors.toSet());
        assertThat(amongFirst).as("tenants among the first 12 jobs to finish").hasSize(tenants.size());
        Map<String, Long> doneAtHalf = byFinish.subList(0, total / 2).stream()
                .collect(Collectors.groupingBy(j -> tenantOfJob.get((String) j.get("id")), Collectors.counting()));
        for (Tenant t : tenants) {
            assertThat(doneAtHalf.getOrDefault(t.key(), 0L)).as(t.key() + "'s jobs finished when half of all jobs had")
                    .isGreaterThanOrEqualTo(submitted.get(t.key()) / 4);
        }
    }

    @Test
    void providerRateLimitsDelayJobsButNeverFailThem() {
        // The account believes it has 4 slots; the provider allows 1: every other creation gets a 429.
        given().baseUri(simulator()).contentType(ContentType.JSON).body(Map.of("max_active_jobs", 1))
                .when().put("/admin/limits").then().statusCode(200);
        try {
            TrainingFixtures.Account account = account(TestTenants.GLOBEX_KEY, 4);
            String dataset = validatedDataset(TestTenants.GLOBEX_KEY, 30, 9);
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                jobs.add(createJob(TestTenants.GLOBEX_KEY, job(dataset, account.id(), Map.of("n_epochs", 1))));
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    jobs.stream().allMatch(j -> "succeeded".equals(state(TestTenants.GLOBEX_KEY, j))));
            List<Map<String, Object>> seen = providerJobs(account.organization());
            assertThat(seen).hasSize(5);
            assertThat(seen.stream().collect(Collectors.groupingBy(SchedulingTest::tuneforgeJobId, Collectors.counting())))
                    .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        } finally {
            given().baseUri(simulator()).when().delete("/admin/limits").then().statusCode(200);
        }
    }

    private static final Set<String> ACTIVE_OR_WAITING = Set.of("waiting_for_budget", "waiting_for_slot", "uploading", "validating_files",
            "queued", "running", "paused");

    @SuppressWarnings("unchecked")
    private static String tuneforgeJobId(Map<String, Object> providerJob) {
        return ((Map<String, String>) providerJob.get("metadata")).get("tuneforge_job_id");
    }
}
