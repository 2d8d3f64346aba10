package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tuneforge.events.Topics;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.events.eval.GateOutcome;
import io.tuneforge.events.eval.ModelSummary;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.awaitState;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A pipeline with an evaluation policy: its jobs carry its id, their success asks eval-service for an
 * evaluation against the production model with the pipeline's gates, the result lands on the model
 * version (auto-promoted to staging), and a later drop of the production model's accuracy retrains.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class PipelineEvaluationTest {

    private static final String ACME = TestTenants.ACME_KEY;

    @Test
    void evaluatedPipelineFromJobToPromotionAndQualityDropRetrain() {
        String dataset = validatedDataset(ACME, 40, 61);
        TrainingFixtures.Account account = account(ACME, 2);
        String name = "eval-" + dataset;
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "dataset_id", dataset, "base_model", TrainingFixtures.BASE_MODEL,
                "account_id", account.id(), "hyperparameters", Map.of("n_epochs", 1), "auto_train", false, "debounce", "PT0S",
                "min_interval", "PT0S", "evaluate", true, "auto_promote", true));
        body.put("gates", Map.of("min_improvement", 0.02, "min_format_compliance", 0.9));
        // A task eval-service could only reject hours later is refused now, with the field that is wrong.
        body.put("evaluation_task", Map.of("kind", "classification", "format", "regex", "regex", "(unclosed"));
        given().header("Authorization", bearer(ACME)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pipelines").then().statusCode(400).body("errors.field", hasItem("evaluation_task.regex"));
        body.put("evaluation_task", Map.of("kind", "classification", "format", "regex", "regex", "^[a-z]+$"));
        String pipelineId = given().header("Authorization", bearer(ACME)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pipelines").then().statusCode(201).body("evaluate", equalTo(true))
                .body("gates.min_improvement", equalTo(0.02f)).body("quality_drop_threshold", equalTo(0.05f))
                .extract().path("id");

        // 1. Pipeline ids on jobs and events.
        String first = run(name);
        String direct = createJob(ACME, job(dataset, account.id(), Map.of("n_epochs", 1)));
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + first).then().body("pipeline_id", equalTo(pipelineId));
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/jobs/" + direct).then().body("pipeline_id", nullValue());
        given().header("Authorization", bearer(ACME)).queryParam("pipeline_id", pipelineId).when().get("/api/v1/jobs")
                .then().statusCode(200).body("data", hasSize(1)).body("data[0].id", equalTo(first));
        assertThat(payload(Topics.JOB_QUEUED, first).getString("pipeline_id")).isEqualTo(pipelineId);
        assertThat(payload(Topics.JOB_QUEUED, direct).getString("pipeline_id")).isNull();

        // 2. The success asks for an evaluation with the pipeline's gates; nothing is in production yet.
        awaitState(ACME, first, "succeeded", Duration.ofSeconds(90));
        JsonPath succeeded = payload(Topics.JOB_SUCCEEDED, first);
        assertThat(succeeded.getString("pipeline_id")).isEqualTo(pipelineId);
        assertThat(succeeded.getString("evaluation.model_name")).isEqualTo(name);
        assertThat(succeeded.getString("evaluation.production_model")).isNull();
        assertThat(succeeded.getDouble("evaluation.gates.min_improvement")).isEqualTo(0.02);
        assertThat(succeeded.getDouble("evaluation.gates.min_format_compliance")).isEqualTo(0.9);
        assertThat(succeeded.getString("evaluation.task.kind")).isEqualTo("classification");
        assertThat(succeeded.getString("evaluation.task.regex")).isEqualTo("^[a-z]+$");
        awaitState(ACME, direct, "succeeded", Duration.ofSeconds(90));
        assertThat(payload(Topics.JOB_SUCCEEDED, direct).getString("evaluation")).as("direct jobs ask for nothing").isNull();
        String v1Model = succeeded.getString("fine_tuned_model");

        // 3. eval.completed lands on version 1, once even when redelivered, and promotes it to staging.
        String eval1 = "eval_" + UUID.randomUUID();
        EvalCompleted completed = evaluation(eval1, dataset, v1Model, null, "promote", 0.90, null);
        TopicProbe.publishEvent(completed, "evt-" + eval1, TestTenants.ACME);
        TopicProbe.publishEvent(completed, "evt-" + eval1, TestTenants.ACME);
        TopicProbe.publishEvent(evaluation("eval_" + UUID.randomUUID(), dataset, "ft:unknown:model", null, "promote", 0.5, null),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(ACME))
                .when().get("/api/v1/models/" + name + "/versions/1").then().statusCode(200)
                .body("stage", equalTo("staging")).body("evaluations", hasSize(1))
                .body("evaluations[0].eval_id", equalTo(eval1)).body("evaluations[0].decision", equalTo("promote"))
                .body("evaluations[0].gates_passed[0].gate", equalTo("accuracy_above_baseline"))
                .body("evaluations[0].gates_failed", hasSize(0))
                .body("evaluations[0].candidate.accuracy", equalTo(0.9f)).body("evaluations[0].baseline.accuracy", equalTo(0.7f)));
        given().header("Authorization", bearer(ACME)).contentType(ContentType.JSON).body(Map.of("stage", "production"))
                .when().patch("/api/v1/models/" + name + "/versions/1").then().statusCode(200)
                .body("promoted_accuracy", equalTo(0.9f));

        // 2'. The next success is compared with the version now in production.
        String second = run(name);
        awaitState(ACME, second, "succeeded", Duration.ofSeconds(90));
        JsonPath succeeded2 = payload(Topics.JOB_SUCCEEDED, second);
        assertThat(succeeded2.getString("evaluation.production_model")).isEqualTo(v1Model);
        String v2Model = succeeded2.getString("fine_tuned_model");

        // 5b. Production within the threshold (0.88 >= 0.90 - 0.05): no retrain.
        String within = "eval_" + UUID.randomUUID();
        TopicProbe.publishEvent(evaluation(within, dataset, v2Model, v1Model, "reject", 0.86, 0.88), "evt-" + within, TestTenants.ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(ACME))
                .when().get("/api/v1/models/" + name + "/versions/2").then().body("evaluations", hasSize(1)).body("stage", equalTo("candidate")));
        given().header("Authorization", bearer(ACME)).when().get("/api/v1/pipelines/" + name).then()
                .body("pending_version_id", nullValue());
        assertThat(runs(name)).hasSize(2);

        // 5b. Production clearly below its accuracy at promotion: a retrain, with the numbers.
        String dropped = "eval_" + UUID.randomUUID();
        TopicProbe.publishEvent(evaluation(dropped, dataset, v2Model, v1Model, "reject", 0.80, 0.80), "evt-" + dropped, TestTenants.ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runs(name)).hasSize(3));
        Map<String, Object> retrain = runs(name).get(0);
        assertThat(retrain.get("reason")).isEqualTo("quality.degraded");
        assertThat((String) retrain.get("detail")).contains(v1Model).contains("0.8000").contains("0.9000").contains(dropped);
        String retrainJob = (String) retrain.get("job_id");
        assertThat(TopicProbe.awaitRecord(Topics.RETRAINING_REQUESTED, Duration.ofSeconds(30), r -> r.value().contains(retrainJob)))
                .hasValueSatisfying(r -> assertThat(r.value()).contains("\"trigger\":\"quality.degraded\""));
    }

    private static String run(String pipeline) {
        return given().header("Authorization", bearer(ACME)).when().post("/api/v1/pipelines/" + pipeline + "/runs")
                .then().statusCode(201).extract().path("job_id");
    }

    private static List<Map<String, Object>> runs(String pipeline) {
        return given().header("Authorization", bearer(ACME)).when().get("/api/v1/pipelines/" + pipeline + "/runs")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static JsonPath payload(String topic, String jobId) {
        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(topic, Duration.ofSeconds(30), r -> jobId.equals(r.key()))
                .orElseThrow(() -> new AssertionError("no " + topic + " for " + jobId));
        return JsonPath.from(record.value());
    }

    /** An evaluation of {@code candidate} (accuracy {@code candidateAccuracy}) against the base model and, if given, production. */
    private static EvalCompleted evaluation(String evalId, String dataset, String candidate, String production, String decision,
                                            double candidateAccuracy, Double productionAccuracy) {
        List<ModelSummary> models = new java.util.ArrayList<>(List.of(
                new ModelSummary("candidate", candidate, 20, 0, candidateAccuracy, candidateAccuracy, 1.0, null, 120.0, 1000, 200, null),
                new ModelSummary("baseline", TrainingFixtures.BASE_MODEL, 20, 0, 0.7, 0.7, 0.9, null, 100.0, 1000, 200, "0.10")));
        if (production != null) {
            models.add(new ModelSummary("production", production, 20, 0, productionAccuracy, productionAccuracy, 1.0, null, 110.0,
                    1000, 200, null));
        }
        boolean promote = "promote".equals(decision);
        return new EvalCompleted(evalId, dataset, "dsv_x", candidate, TrainingFixtures.BASE_MODEL, production, decision,
                List.of(new GateOutcome("accuracy_above_baseline", promote, candidateAccuracy, 0.72, "accuracy vs baseline")),
                models, null, null, List.of());
    }
}
