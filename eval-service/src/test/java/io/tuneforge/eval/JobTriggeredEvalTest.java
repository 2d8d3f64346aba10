package io.tuneforge.eval;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tuneforge.events.Topics;
import io.tuneforge.events.eval.EvaluationTask;
import io.tuneforge.events.eval.GateThresholds;
import io.tuneforge.events.job.EvaluationRequest;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.eval.EvalFixtures.BASE_MODEL;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * eval-service connected to training-service (a fake of its connection endpoint): runs started by
 * job.succeeded, once per job, and every run's models called through the provider account it names.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(value = TrainingServiceFake.class, restrictToAnnotatedClass = true)
class JobTriggeredEvalTest {

    private static final String KEY = TestTenants.ACME_KEY;

    @Inject
    EntityManager em;

    @Test
    void aSucceededJobWhosePipelineAsksForAnEvaluationStartsExactlyOneRunThroughItsAccount() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(200, 43, false));
        String tuned = EvalFixtures.fineTune(KEY, datasetId);
        String versionId = given().header("Authorization", bearer(KEY)).queryParam("dataset_id", datasetId).when().get("/api/v1/test-sets")
                .then().statusCode(200).extract().path("[0].version_id");
        String jobId = "ftjob_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        JobSucceeded succeeded = new JobSucceeded(jobId, "ftjob-sim", TrainingServiceFake.ACCOUNT_ID, datasetId, versionId, BASE_MODEL,
                "supervised", tuned, 12000, 3, 1, Instant.now(), "pipe_tickets",
                new EvaluationRequest("tickets", null, new GateThresholds(0.1, null, null, null, null, null, null),
                        new EvaluationTask("classification", "regex", null, "^[a-z]+$")));
        String eventId = UUID.randomUUID().toString();
        String republished = UUID.randomUUID().toString();
        int fetchesBefore = fetches(TrainingServiceFake.ACCOUNT_ID);

        TopicProbe.publishEvent(succeeded, eventId, TestTenants.ACME);
        TopicProbe.publishEvent(succeeded, eventId, TestTenants.ACME);
        TopicProbe.publishEvent(succeeded, republished, TestTenants.ACME);

        await().atMost(Duration.ofSeconds(60)).until(() -> appliedEvent(eventId) && appliedEvent(republished));
        List<Map<String, Object>> runs = given().header("Authorization", bearer(KEY)).queryParam("job_id", jobId).when().get("/api/v1/evals")
                .then().statusCode(200).extract().path("data");
        assertThat(runs).as("one run per job, however often job.succeeded arrives").hasSize(1);
        String evalId = (String) runs.get(0).get("id");
        EvalFixtures.awaitState(KEY, evalId, "completed");

        JsonPath run = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(run.getString("job_id")).isEqualTo(jobId);
        assertThat(run.getString("pipeline_id")).isEqualTo("pipe_tickets");
        assertThat(run.getString("provider_account")).isEqualTo(TrainingServiceFake.ACCOUNT_ID);
        assertThat(run.getString("version_id")).isEqualTo(versionId);
        assertThat(run.getList("spec.models.role")).containsExactly("candidate", "baseline");
        assertThat(run.getList("spec.models.model")).containsExactly(tuned, BASE_MODEL);
        assertThat(run.getDouble("spec.gates.min_improvement")).isEqualTo(0.1);
        assertThat(run.getDouble("spec.gates.min_format_compliance")).as("left out: the default").isEqualTo(0.95);
        assertThat(run.getString("spec.task.kind")).as("the pipeline's task decides the metrics").isEqualTo("classification");
        assertThat(run.getString("spec.task.format")).isEqualTo("regex");
        JsonPath report = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report").then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.prettify()).as("classification metrics, from the task").contains("accuracy");
        assertThat(run.getString("decision")).isEqualTo("promote");

        var event = TopicProbe.awaitRecord(Topics.EVAL_COMPLETED, Duration.ofSeconds(30), r -> evalId.equals(r.key()));
        assertThat(event).isPresent();
        assertThat(event.get().value()).contains("\"job_id\":\"" + jobId + "\"").contains("\"pipeline_id\":\"pipe_tickets\"");

        List<TrainingServiceFake.Seen> seen = TrainingServiceFake.SEEN.stream()
                .filter(s -> s.path().contains(TrainingServiceFake.ACCOUNT_ID)).toList();
        assertThat(seen).isNotEmpty().allMatch(s -> ("Bearer " + TestTenants.SERVICE_KEY).equals(s.authorization())
                && TestTenants.ACME.equals(s.tenant()));
        assertThat(fetches(TrainingServiceFake.ACCOUNT_ID) - fetchesBefore).as("the connection is cached, not fetched per call")
                .isEqualTo(1);
    }

    @Test
    void aJobWhoseDatasetHasNoHeldOutSplitFailsItsEvaluationAndSaysWhy() {
        String jobId = "ftjob_nosplit" + System.nanoTime();
        TopicProbe.publishEvent(new JobSucceeded(jobId, "ftjob-sim", TrainingServiceFake.ACCOUNT_ID, "ds_tiny", "dsv_tiny", BASE_MODEL,
                "supervised", "ft:gpt-4o-mini:acme::tiny", 100, 3, 1, Instant.now(), null,
                new EvaluationRequest("tiny", null, null, null)), UUID.randomUUID().toString(), TestTenants.ACME);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(KEY)).queryParam("job_id", jobId)
                .when().get("/api/v1/evals").then().statusCode(200).body("data[0].state", equalTo("failed"))
                .body("data[0].failure_kind", equalTo("test_set")).body("data[0].failure", containsString("no held-out test split")));
        // eval.failed names the job, so whoever waits for the job's evaluation learns it will not come.
        assertThat(TopicProbe.awaitRecord(Topics.EVAL_FAILED, Duration.ofSeconds(30), r -> r.value().contains("\"job_id\":\"" + jobId + "\"")))
                .hasValueSatisfying(r -> assertThat(r.value()).contains("\"failure_kind\":\"test_set\""));
        // A job without an evaluation request starts nothing.
        String plain = "ftjob_plain" + System.nanoTime();
        String plainEvent = UUID.randomUUID().toString();
        TopicProbe.publishEvent(new JobSucceeded(plain, "ftjob-sim", TrainingServiceFake.ACCOUNT_ID, "ds_tiny", "dsv_tiny", BASE_MODEL,
                "supervised", "ft:gpt-4o-mini:acme::plain", 100, 3, 1, Instant.now(), null, null), plainEvent, TestTenants.ACME);
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedEvent(plainEvent));
        given().header("Authorization", bearer(KEY)).queryParam("job_id", plain).when().get("/api/v1/evals")
                .then().statusCode(200).body("data", org.hamcrest.Matchers.empty());
    }

    @Test
    void restRunsNameTheirProviderAccountAndAnUnknownAccountFailsTheRun() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(60, 47, false));
        Map<String, Object> task = Map.of("kind", "classification");
        String unknown = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId, "models", EvalFixtures.models(null, BASE_MODEL),
                "task", task, "provider_account", "acct_gone"));
        EvalFixtures.awaitState(KEY, unknown, "failed");
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + unknown).then()
                .body("failure_kind", equalTo("provider")).body("failure", containsString("'acct_gone' does not exist"));

        String byName = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId, "models", EvalFixtures.models(null, BASE_MODEL),
                "task", task, "provider_account", TrainingServiceFake.ACCOUNT_NAME));
        EvalFixtures.awaitState(KEY, byName, "completed");
        assertThat(TrainingServiceFake.SEEN).anyMatch(s -> s.path().equals("/api/v1/accounts/" + TrainingServiceFake.ACCOUNT_NAME + "/connection"));

        // Naming no account (the demo does not) falls back to the configured connection: nothing is looked up.
        int lookups = TrainingServiceFake.SEEN.size();
        String unnamed = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId, "models", EvalFixtures.models(null, BASE_MODEL),
                "task", task));
        EvalFixtures.awaitState(KEY, unnamed, "completed");
        assertThat(TrainingServiceFake.SEEN).hasSize(lookups);
    }

    private static int fetches(String account) {
        return (int) TrainingServiceFake.SEEN.stream().filter(s -> s.path().contains(account)).count();
    }

    private boolean appliedEvent(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where consumer = 'evaluations' and event_id = :id").setParameter("id", eventId)
                .getSingleResult()).longValue() == 1);
    }
}
