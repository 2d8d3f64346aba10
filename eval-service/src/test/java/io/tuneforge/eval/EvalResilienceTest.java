package io.tuneforge.eval;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.eval.domain.EvalExample;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSample;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.SiblingServices;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.eval.EvalFixtures.BASE_MODEL;
import static io.tuneforge.eval.EvalFixtures.LABEL_REGEX;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** A run survives its worker dying half-way and a storm of 429s, and loses or repeats no sample. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(EvalSiblings.class)
class EvalResilienceTest {

    private static final String KEY = TestTenants.ACME_KEY;
    private static final Map<String, Object> TASK = Map.of("kind", "classification", "format", "regex", "regex", LABEL_REGEX);
    private static final String FIRST_LIFE = "answered before the crash";

    @Test
    void aRunWhoseWorkerDiedHalfWayResumesWithoutAskingAgainForFinishedSamples() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(120, 31, false));
        String finished = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId,
                "models", EvalFixtures.models(null, BASE_MODEL), "task", TASK));
        EvalFixtures.awaitState(KEY, finished, "completed");

        // The state a worker leaves when it is killed half-way: running, lease expired, examples copied,
        // the first half of the samples recorded.
        String crashed = "eval_crashed" + System.nanoTime();
        int examples = QuarkusTransaction.requiringNew().call(() -> {
            EvalRun original = EvalFixtures.killedCopyOf(finished, crashed);
            for (EvalExample e : EvalExample.ofRun(finished)) {
                if (e.idx < original.examples / 2) {
                    EvalSample sample = new EvalSample();
                    sample.runId = crashed;
                    sample.role = "baseline";
                    sample.idx = e.idx;
                    sample.model = BASE_MODEL;
                    sample.output = FIRST_LIFE;
                    sample.latencyMs = 1L;
                    sample.promptTokens = 1;
                    sample.completionTokens = 1;
                    sample.finishedAt = Instant.parse("2026-01-01T00:00:00Z");
                    sample.persist();
                }
            }
            return original.examples;
        });

        EvalFixtures.awaitState(KEY, crashed, "completed");

        List<EvalSample> samples = QuarkusTransaction.requiringNew().call(() -> EvalSample.ofRun(crashed));
        assertThat(samples).hasSize(examples);
        assertThat(samples.stream().filter(s -> s.idx < examples / 2))
                .as("finished samples were kept, not asked again").allMatch(s -> FIRST_LIFE.equals(s.output))
                .allMatch(s -> s.finishedAt.equals(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(samples.stream().filter(s -> s.idx >= examples / 2))
                .as("the rest were answered after the restart").noneMatch(s -> FIRST_LIFE.equals(s.output))
                .allMatch(s -> s.error == null);
    }

    @Test
    void aStormOf429sSlowsTheRunButLosesNoSample() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(200, 41, false));
        String simulator = SiblingServices.baseUrl("openai-simulator");
        // Two calls per second per model, against eight at once: most first attempts are refused with 429.
        given().baseUri(simulator).contentType(ContentType.JSON).body(Map.of("requests_per_minute", 2))
                .when().put("/admin/limits").then().statusCode(200);
        try {
            String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId,
                    "models", EvalFixtures.models(null, BASE_MODEL), "task", TASK, "max_concurrency", 8));
            EvalFixtures.awaitState(KEY, evalId, "completed");
            int examples = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId)
                    .then().statusCode(200).extract().path("examples");
            List<EvalSample> samples = QuarkusTransaction.requiringNew().call(() -> EvalSample.ofRun(evalId));
            assertThat(samples).hasSize(examples).allMatch(s -> s.error == null && s.output != null);
        } finally {
            given().baseUri(simulator).when().delete("/admin/limits").then().statusCode(200);
        }
    }

    @Test
    void aLowRequestLimitIsPacedFromTheRateLimitHeadersAndNoSampleIsLostOrAskedTwice() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(200, 53, false));
        String simulator = SiblingServices.baseUrl("openai-simulator");
        // Four calls per second per model (the tests' window is 1 s) against eight at once.
        given().baseUri(simulator).contentType(ContentType.JSON).body(Map.of("requests_per_minute", 4))
                .when().put("/admin/limits").then().statusCode(200);
        try {
            String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId,
                    "models", EvalFixtures.models(null, BASE_MODEL), "task", TASK, "max_concurrency", 8));
            EvalFixtures.awaitState(KEY, evalId, "completed");
            var run = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId)
                    .then().statusCode(200).extract().jsonPath();
            int examples = run.getInt("examples");
            List<EvalSample> samples = QuarkusTransaction.requiringNew().call(() -> EvalSample.ofRun(evalId));
            assertThat(samples).hasSize(examples).allMatch(s -> s.error == null && s.output != null);
            assertThat(samples.stream().map(s -> s.idx).distinct()).as("each example asked once").hasSize(examples);
            assertThat(run.getInt("rate_limits.paced_waits")).as("x-ratelimit-remaining-requests held waves back").isPositive();
        } finally {
            given().baseUri(simulator).when().delete("/admin/limits").then().statusCode(200);
        }
    }

    @Test
    void aModelWhoseEveryCallFailsFailsTheRunInsteadOfBeingRejected() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(60, 67, false));
        String simulator = SiblingServices.baseUrl("openai-simulator");
        // Every call to the base model answers 500: retried, then given up per example.
        given().baseUri(simulator).contentType(ContentType.JSON)
                .body(Map.of("models", Map.of(BASE_MODEL, Map.of("error_rate", 1.0, "latency_ms", 0))))
                .when().put("/admin/faults").then().statusCode(200);
        try {
            String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId,
                    "models", EvalFixtures.models(null, BASE_MODEL), "task", TASK));
            EvalFixtures.awaitState(KEY, evalId, "failed");
            given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId).then().statusCode(200)
                    .body("decision", org.hamcrest.Matchers.nullValue())
                    .body("failure_kind", org.hamcrest.Matchers.equalTo("provider"))
                    .body("failure", org.hamcrest.Matchers.containsString("baseline model '" + BASE_MODEL + "' answered none of the"))
                    .body("failure", org.hamcrest.Matchers.containsString("500"));
        } finally {
            given().baseUri(simulator).when().delete("/admin/faults").then().statusCode(200);
        }
    }
}
