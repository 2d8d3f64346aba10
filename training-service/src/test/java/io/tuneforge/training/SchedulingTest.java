package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
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

    private static final Set<String> ACTIVE = Set.of("validating_files", "queued", "running", "paused");

    @Test
    void manyJobsOfTwoTenantsStayWithinEachAccountsLimitAndRunOnce() throws Exception {
        int perTenant = Integer.getInteger("tuneforge.test.jobs-per-tenant", 12);
        Map<String, TrainingFixtures.Account> accounts = Map.of(
                TestTenants.ACME_KEY, account(TestTenants.ACME_KEY, 2), TestTenants.GLOBEX_KEY, account(TestTenants.GLOBEX_KEY, 3));
        Map<String, String> datasets = Map.of(
                TestTenants.ACME_KEY, validatedDataset(TestTenants.ACME_KEY, 30, 7), TestTenants.GLOBEX_KEY, validatedDataset(TestTenants.GLOBEX_KEY, 30, 8));
        Map<String, Integer> peak = new ConcurrentHashMap<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                accounts.values().forEach(a -> peak.merge(a.organization(), activeOn(a.organization()), Math::max));
            }
        });
        sampler.start();
        List<String[]> jobs = new ArrayList<>();
        for (int i = 0; i < perTenant; i++) {
            for (String key : accounts.keySet()) {
                Map<String, Object> body = job(datasets.get(key), accounts.get(key).id(), Map.of("n_epochs", 1));
                body.put("priority", i % 3 * 10);
                jobs.add(new String[]{key, createJob(key, body)});
            }
        }
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    jobs.stream().allMatch(j -> "succeeded".equals(state(j[0], j[1]))));
        } finally {
            sampling.set(false);
            sampler.join();
        }
        assertThat(peak.get(accounts.get(TestTenants.ACME_KEY).organization())).as("acme's account: max 2 active").isBetween(1, 2);
        assertThat(peak.get(accounts.get(TestTenants.GLOBEX_KEY).organization())).as("globex's account: max 3 active").isBetween(1, 3);
        for (TrainingFixtures.Account a : accounts.values()) {
            List<Map<String, Object>> seen = providerJobs(a.organization());
            assertThat(seen).as("one provider job per tuneforge job").hasSize(perTenant);
            assertThat(seen.stream().map(SchedulingTest::tuneforgeJobId).collect(Collectors.toSet())).hasSize(perTenant);
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

    @SuppressWarnings("unchecked")
    private static String tuneforgeJobId(Map<String, Object> providerJob) {
        return ((Map<String, String>) providerJob.get("metadata")).get("tuneforge_job_id");
    }

    private static int activeOn(String organization) {
        try {
            return (int) providerJobs(organization).stream().map(j -> (String) j.get("status")).filter(ACTIVE::contains).count();
        } catch (RuntimeException | AssertionError e) {
            return 0;
        }
    }

}
