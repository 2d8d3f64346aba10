package io.tuneforge.training;

import io.restassured.http.ContentType;
import io.tuneforge.localinfra.QuarkusServiceProcess;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.tuneforge.training.LoadFixtures.providerUsage;
import static io.tuneforge.training.LoadFixtures.succeededEventIds;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.providerJobs;
import static io.tuneforge.training.TrainingFixtures.simulator;
import static io.tuneforge.training.TrainingFixtures.state;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static io.tuneforge.training.TrainingReplicas.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Restart anywhere, kill -9 included: training-service is killed with SIGKILL while one job's provider
 * creation is in flight, others run on the provider and others wait for a slot; a fresh process picks
 * every job up where its row says it is. Judged by the provider (one job each), the broker (one
 * job.succeeded each) and the jobs themselves (all succeeded).
 */
class TrainingRestartIT {

    private static final int JOBS = 6;
    private static final int MAX_ACTIVE = 3;

    @Test
    void jobsSurviveAKill9MidCreationAndMidRunWithOneProviderJobAndOneSuccessEach() {
        QuarkusServiceProcess first = TrainingReplicas.start("training-a");
        QuarkusServiceProcess second = null;
        try {
            TrainingReplicas.use(first);
            TrainingFixtures.Account account = account(TestTenants.INITECH_KEY, MAX_ACTIVE);
            String dataset = validatedDataset(TestTenants.INITECH_KEY, 30, 11);
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                // 40 epochs of 30 examples: several seconds on the provider, long enough to be caught running
                jobs.add(createJob(TestTenants.INITECH_KEY, job(dataset, account.id(), Map.of("n_epochs", 40))));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    count("select count(*) from training.fine_tune_job where account_id = '" + account.id() + "' and state = 'RUNNING'") > 0);
            // The next creation on the provider hangs for 4 s: the crash comes while it is in flight.
            given().baseUri(simulator()).contentType(ContentType.JSON)
                    .body(Map.of("rules", List.of(Map.of("kind", "slow", "count", 1, "path_prefix", "/v1/fine_tuning/jobs", "method", "POST",
                            "delay_millis", 4000))))
                    .when().put("/admin/faults").then().statusCode(200);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> count(
                    "select count(*) from training.fine_tune_job where account_id = '" + account.id()
                            + "' and state = 'UPLOADING' and create_attempted and provider_job_id is null") > 0
                    && count("select count(*) from training.fine_tune_job where account_id = '" + account.id()
                            + "' and state in ('VALIDATING_FILES','QUEUED','RUNNING')") > 0);
            Set<String> statesAtCrash = new HashSet<>(TrainingReplicas.query("select state from training.fine_tune_job where account_id = '"
                    + account.id() + "'", rows -> {
                List<String> states = new ArrayList<>();
                while (rows.next()) {
                    states.add(rows.getString(1));
                }
                return states;
            }));

            first.kill();
            given().baseUri(simulator()).when().delete("/admin/faults").then().statusCode(200);
            assertThat(statesAtCrash).as("job states when the process was killed").contains("UPLOADING")
                    .containsAnyOf("VALIDATING_FILES", "QUEUED", "RUNNING");

            second = TrainingReplicas.start("training-a-restarted");
            TrainingReplicas.use(second);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    jobs.stream().allMatch(j -> "succeeded".equals(state(TestTenants.INITECH_KEY, j))));

            LoadFixtures.ProviderUsage usage = providerUsage(account.organization());
            assertThat(usage.jobsCreated()).as("provider jobs created, one per tuneforge job").isEqualTo(JOBS);
            assertThat(usage.peakActiveJobs()).as("active on the provider at once").isBetween(1L, (long) MAX_ACTIVE);
            assertThat(providerJobs(account.organization()).stream()
                    .map(j -> (String) ((Map<?, ?>) j.get("metadata")).get("tuneforge_job_id")).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(jobs);
            Map<String, Set<String>> successes = succeededEventIds(Set.copyOf(jobs), Duration.ofSeconds(5));
            assertThat(successes.keySet()).as("jobs with a job.succeeded").containsExactlyInAnyOrderElementsOf(jobs);
            assertThat(successes).as("one job.succeeded event per job").allSatisfy((job, ids) -> assertThat(ids).hasSize(1));
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }
}
