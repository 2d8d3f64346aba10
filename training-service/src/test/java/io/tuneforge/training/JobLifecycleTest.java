package io.tuneforge.training;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.SupportTickets;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.awaitState;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.providerJobs;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Jobs against the real simulator, with data from the real dataset-service. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class JobLifecycleTest {

    private static final String ACME = TestTenants.ACME_KEY;

    @Inject
    EntityManager em;

    @Test
    void jobRunsToARegisteredModelVersionAndAnnouncesIt() {
        String dataset = validatedDataset(ACME, 40, 1);
        TrainingFixtures.Account account = account(ACME, 3);
        Map<String, Object> request = job(dataset, account.id(), Map.of("n_epochs", 2));
        request.put("model_name", "tickets-" + dataset);
        String jobId = createJob(ACME, request);
        awaitState(ACME, jobId, "succeeded", Duration.ofSeconds(90));

        var job = given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId).then().statusCode(200)
                .body("fine_tuned_model", startsWith("ft:")).body("trained_tokens", greaterThan(0)).body("n_epochs", equalTo(2))
                .body("provider_job_id", startsWith("ftjob")).extract().jsonPath();
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId + "/metrics").then().statusCode(200)
                .body("steps.size()", greaterThan(0)).body("train_loss[0]", notNullValue());
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId + "/events").then().statusCode(200)
                .body("type", hasItem("metrics"));
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/models/tickets-" + dataset).then().statusCode(200)
                .body("versions[0].version", equalTo(1)).body("versions[0].job_id", equalTo(jobId))
                .body("versions[0].dataset_id", equalTo(dataset)).body("versions[0].base_model", equalTo(TrainingFixtures.BASE_MODEL))
                .body("versions[0].stage", equalTo("candidate")).body("versions[0].hyperparameters.n_epochs", equalTo(2))
                .body("versions[0].fine_tuned_model", equalTo(job.getString("fine_tuned_model")));

        ConsumerRecord<String, String> succeeded = TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, Duration.ofSeconds(30),
                r -> jobId.equals(r.key())).orElseThrow(() -> new AssertionError("no job.succeeded for " + jobId));
        assertThat(succeeded.value()).contains("\"model_version\":1").contains(job.getString("fine_tuned_model"));
        assertThat(TopicProbe.awaitRecord(Topics.JOB_STARTED, Duration.ofSeconds(10), r -> jobId.equals(r.key()))).isPresent();
        assertThat(TopicProbe.awaitRecord(Topics.JOB_QUEUED, Duration.ofSeconds(10), r -> jobId.equals(r.key()))).isPresent();

        // Same version, same account: the uploaded files are reused, the model gets v2.
        String second = createJob(ACME, request);
        awaitState(ACME, second, "succeeded", Duration.ofSeconds(90));
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + second).then()
                .body("training_file_id", equalTo(job.getString("training_file_id")))
                .body("validation_file_id", equalTo(job.getString("validation_file_id")));
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/models/tickets-" + dataset + "/versions/2").then()
                .statusCode(200).body("job_id", equalTo(second));
        assertThat(providerJobs(account.organization())).hasSize(2);

        given().header("Authorization", bearer(ACME)).contentType(ContentType.JSON).body(Map.of("stage", "production"))
                .when().patch("/api/v1/models/tickets-" + dataset + "/versions/2").then().statusCode(200).body("stage", equalTo("production"));
    }

    @Test
    void jobWhoseCreationOutcomeWasLostIsAdoptedNotDuplicated() {
        String dataset = validatedDataset(ACME, 40, 2);
        TrainingFixtures.Account account = account(ACME, 3);
        String jobId = createJob(ACME, job(dataset, account.id(), Map.of("n_epochs", 3)));
        await().atMost(Duration.ofSeconds(60)).until(() -> providerJobIdOf(jobId) != null);
        // As if the process died after the provider created the job but before we committed its id.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update fine_tune_job set state = 'UPLOADING', provider_job_id = null, create_attempted = true,
                    lease_owner = null, lease_until = null where id = ?1""").setParameter(1, jobId).executeUpdate());
        awaitState(ACME, jobId, "succeeded", Duration.ofSeconds(90));
        List<Map<String, Object>> onProvider = providerJobs(account.organization());
        assertThat(onProvider).as("one provider job, adopted after the lost commit").hasSize(1);
        assertThat(providerJobIdOf(jobId)).isEqualTo(onProvider.get(0).get("id"));
    }

    @Test
    void overfittingRunGetsItsAdvisory() {
        // Labels that contradict each other cannot be learned, only memorised: many epochs on them overfit,
        // whichever examples the (stratified) split puts in validation.
        String dataset = validatedDataset(ACME, SupportTickets.jsonl(24, 21, true));
        TrainingFixtures.Account account = account(ACME, 3);
        Map<String, Object> request = job(dataset, account.id(), Map.of("n_epochs", 30, "batch_size", 2));
        request.put("seed", 1);
        String jobId = createJob(ACME, request);
        awaitState(ACME, jobId, "succeeded", Duration.ofSeconds(120));
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId).then()
                .body("advisories.code", hasItem("overfitting"))
                .body("advisories.find { it.code == 'overfitting' }.best_epoch", notNullValue());
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId + "/events").then()
                .body("type", hasItem("advisory"));
    }

    private String providerJobIdOf(String jobId) {
        return given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + jobId).then().extract().path("provider_job_id");
    }
}
