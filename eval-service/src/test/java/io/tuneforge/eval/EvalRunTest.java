package io.tuneforge.eval;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.eval.EvalFixtures.BASE_MODEL;
import static io.tuneforge.eval.EvalFixtures.LABEL_REGEX;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Base against fine-tuned on a real held-out split: dataset-service splits, the simulator trains and answers. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(EvalSiblings.class)
class EvalRunTest {

    private static final String KEY = TestTenants.ACME_KEY;
    private static final Map<String, Object> CLASSIFICATION = Map.of("kind", "classification", "format", "regex", "regex", LABEL_REGEX);

    @Test
    void aFineTunedClassifierBeatsItsBaseOnHeldOutTicketsAndThePromotionGatesPass() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(200, 11, false));
        String tuned = EvalFixtures.fineTune(KEY, datasetId);

        String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId, "dataset_version", 1,
                "models", EvalFixtures.models(tuned, BASE_MODEL), "task", CLASSIFICATION, "max_concurrency", 4));
        EvalFixtures.awaitState(KEY, evalId, "completed");

        JsonPath report = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("decision")).isEqualTo("promote");
        assertThat(report.getList("gates.passed", Boolean.class)).isNotEmpty().containsOnly(true);
        double tunedExact = report.getDouble("models.find { it.role == 'candidate' }.exact_match");
        double baseExact = report.getDouble("models.find { it.role == 'baseline' }.exact_match");
        double tunedFormat = report.getDouble("models.find { it.role == 'candidate' }.format_compliance");
        double baseFormat = report.getDouble("models.find { it.role == 'baseline' }.format_compliance");
        assertThat(tunedExact).as("fine-tuned exact match").isGreaterThan(baseExact).isGreaterThanOrEqualTo(0.8);
        assertThat(tunedFormat).as("fine-tuned format compliance").isGreaterThan(baseFormat).isGreaterThanOrEqualTo(0.95);
        int examples = report.getInt("examples");
        assertThat(report.getMap("models.find { it.role == 'candidate' }.slices").keySet())
                .as("classification is sliced by the reference label").containsExactlyInAnyOrderElementsOf(EvalFixtures.LABELS);
        assertThat(report.getInt("models.find { it.role == 'candidate' }.latency.count")).isEqualTo(examples);
        assertThat(report.getLong("models.find { it.role == 'candidate' }.prompt_tokens")).isPositive();
        // Priced by the real cost-service's catalog (decimal strings): gpt-4o-mini base and fine-tuned prices.
        String tunedCost = report.getString("comparison.find { it.metric == 'cost_per_1k_calls_usd' }.fine_tuned");
        String baseCost = report.getString("comparison.find { it.metric == 'cost_per_1k_calls_usd' }.base");
        assertThat(baseCost).as("base cost per 1K calls").isNotNull();
        assertThat(tunedCost).as("fine-tuned cost per 1K calls").isNotNull();
        assertThat(Double.parseDouble(tunedCost)).isPositive();
        long calls = report.getLong("models.find { it.role == 'baseline' }.latency.count");
        double basePerCall = (report.getLong("models.find { it.role == 'baseline' }.prompt_tokens") * 0.15
                + report.getLong("models.find { it.role == 'baseline' }.completion_tokens") * 0.60) / 1_000_000 / calls;
        assertThat(Double.parseDouble(baseCost)).as("1000 x tokens per call x the catalog's gpt-4o-mini price").isCloseTo(basePerCall * 1000,
                org.assertj.core.data.Offset.offset(1e-6));

        given().header("Authorization", bearer(KEY)).queryParam("format", "markdown")
                .when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).contentType(containsString("text/markdown"))
                .body(containsString("| metric | base (`" + BASE_MODEL + "`) | fine-tuned (`" + tuned + "`) | improvement |"))
                .body(containsString("**Decision: promote**"));

        var event = TopicProbe.awaitRecord(Topics.EVAL_COMPLETED, Duration.ofSeconds(30), r -> evalId.equals(r.key()));
        assertThat(event).as("eval.completed for %s", evalId).isPresent();
        assertThat(event.get().value()).contains("\"decision\":\"promote\"").contains("\"candidate_model\":\"" + tuned + "\"");
        // Every sample persisted once per model: nothing was asked twice.
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId)
                .then().statusCode(200).body("examples", equalTo(examples)).body("decision", equalTo("promote"));
    }

    @Test
    void contradictoryTrainingLabelsFailTheGatesAndTheReportSaysWhy() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(200, 23, true));
        String confused = EvalFixtures.fineTune(KEY, datasetId);

        String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId,
                "models", EvalFixtures.models(confused, BASE_MODEL), "task", CLASSIFICATION));
        EvalFixtures.awaitState(KEY, evalId, "completed");

        JsonPath report = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("decision")).isEqualTo("reject");
        assertThat(report.getBoolean("gates.find { it.gate == 'accuracy_above_baseline' }.passed")).isFalse();
        assertThat(report.getString("gates.find { it.gate == 'accuracy_above_baseline' }.detail")).contains("does not beat");
        given().header("Authorization", bearer(KEY)).queryParam("format", "markdown")
                .when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).body(containsString("**Decision: reject**"))
                .body(containsString("| accuracy_above_baseline | **FAIL** |"))
                .body(containsString("### wrong_answer — candidate"));
    }

    @Test
    void aBaselineOnlyRunAnswersWhetherPromptingIsEnoughAndBadRequestsSayWhatToFix() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(60, 5, false));
        String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId,
                "models", EvalFixtures.models(null, BASE_MODEL), "task", CLASSIFICATION, "max_concurrency", 2));
        EvalFixtures.awaitState(KEY, evalId, "completed");
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).body("decision", equalTo("baseline_only")).body("fine_tuned_model", equalTo(null));

        given().header("Authorization", bearer(KEY)).contentType("application/json")
                .body(Map.of("dataset_id", datasetId, "models", EvalFixtures.models(null, BASE_MODEL),
                        "task", Map.of("kind", "exact", "format", "regex", "regex", "([")))
                .when().post("/api/v1/evals").then().statusCode(400).body("detail", containsString("'regex'"));
        given().header("Authorization", bearer(KEY)).contentType("application/json")
                .body(Map.of("dataset_id", "ds_missing", "models", EvalFixtures.models(null, BASE_MODEL)))
                .when().post("/api/v1/evals").then().statusCode(422);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/evals/" + evalId)
                .then().statusCode(404);
        given().header("Authorization", bearer(KEY)).queryParam("dataset_id", datasetId).when().get("/api/v1/evals")
                .then().statusCode(200).body("data[0].id", equalTo(evalId));
    }

    @Test
    void aModelThatDoesNotExistFailsTheRunWithEvalFailed() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(60, 9, false));
        String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId,
                "models", EvalFixtures.models("ft:gpt-4o-mini:acme::missing", BASE_MODEL), "task", CLASSIFICATION));
        EvalFixtures.awaitState(KEY, evalId, "failed");
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId)
                .then().body("failure_kind", equalTo("provider")).body("failure", containsString("ft:gpt-4o-mini:acme::missing"));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report").then().statusCode(409);
        assertThat(TopicProbe.awaitRecord(Topics.EVAL_FAILED, Duration.ofSeconds(30), r -> evalId.equals(r.key()))).isPresent();
    }
}
