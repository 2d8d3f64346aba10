package io.tuneforge.training;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.awaitState;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.simulator;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A provider that fails now and then over a job's life (the simulator's scripted 503s on the job's status
 * polls) never makes tuneforge give up on a job that runs there; a job tuneforge marked failed while the
 * provider still ran it gets its real outcome once the provider reports it.
 */
@QuarkusTest
@TestProfile(ProviderFaultsTest.FewAttempts.class)
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class ProviderFaultsTest {

    private static final String ACME = TestTenants.ACME_KEY;
    private static final Set<String> ON_PROVIDER = Set.of("validating_files", "queued", "running");

    public static class FewAttempts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tuneforge.training.scheduler.max-transient-attempts", "2");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void scatteredPollFailuresAreCountedInARowNotOverTheJobsLife() {
        // 100 examples x 40 epochs one at a time: 4000 steps, some 20 s at the simulator's test speed (5 ms a step).
        String dataset = validatedDataset(ACME, 100, 71);
        TrainingFixtures.Account account = account(ACME, 3);
        String jobId = createJob(ACME, job(dataset, account.id(), Map.of("n_epochs", 40, "batch_size", 1)));
        String providerJob = awaitOnProvider(jobId);
        // Three bursts of two failed polls: each burst is within max-transient-attempts (2), all of them are not.
        for (int burst = 0; burst < 3; burst++) {
            assertThat(view(jobId).getString("state")).as("the job still runs before burst %d", burst).isIn(ON_PROVIDER);
            given().baseUri(simulator()).contentType(ContentType.JSON)
                    .body(Map.of("rules", List.of(Map.of("kind", "unavailable", "count", 2, "method", "GET",
                            "path_prefix", "/v1/fine_tuning/jobs/" + providerJob))))
                    .when().put("/admin/faults").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().baseUri(simulator()).when().get("/admin/faults")
                    .then().statusCode(200).extract().jsonPath().getList("rules").isEmpty());
            // A successful poll after the burst starts the count again.
            await().atMost(Duration.ofSeconds(30)).until(() -> view(jobId).getInt("attempts") == 0
                    || !ON_PROVIDER.contains(view(jobId).getString("state")));
        }
        awaitState(ACME, jobId, "succeeded", Duration.ofSeconds(120));
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId).then()
                .body("fine_tuned_model", startsWith("ft:")).body("failure", nullValue());
    }

    @Test
    void aJobMarkedFailedWhileTheProviderRanItGetsItsRealOutcome() {
        String dataset = validatedDataset(ACME, 40, 72);
        TrainingFixtures.Account account = account(ACME, 3);
        Map<String, Object> request = job(dataset, account.id(), Map.of("n_epochs", 3));
        request.put("model_name", "reconciled-" + dataset);
        String jobId = createJob(ACME, request);
        awaitOnProvider(jobId);
        // As tuneforge did when it gave up on a job after transient errors it counted over the job's whole life.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update fine_tune_job set state = 'FAILED', failure_kind = 'provider_error', reconcile = true,
                    failure_message = 'provider: 503 (gave up after 8 attempts)', finished_at = now(),
                    lease_owner = null, lease_until = null, next_attempt_at = now() where id = ?1""")
                .setParameter(1, jobId).executeUpdate());

        awaitState(ACME, jobId, "succeeded", Duration.ofSeconds(120));
        String model = given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId).then()
                .body("failure", nullValue()).body("fine_tuned_model", startsWith("ft:")).extract().path("fine_tuned_model");
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/models/reconciled-" + dataset).then().statusCode(200)
                .body("versions[0].job_id", equalTo(jobId)).body("versions[0].fine_tuned_model", equalTo(model));
        assertThat(TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, Duration.ofSeconds(30), r -> jobId.equals(r.key())))
                .as("job.succeeded, so cost-service books the job and gateway registers the model").isPresent();
    }

    private String awaitOnProvider(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> view(jobId).getString("provider_job_id") != null
                && ON_PROVIDER.contains(view(jobId).getString("state")));
        return view(jobId).getString("provider_job_id");
    }

    private static io.restassured.path.json.JsonPath view(String jobId) {
        return given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId).then().statusCode(200)
                .extract().jsonPath();
    }
}
