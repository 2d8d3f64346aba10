package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.Topics;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetWarning;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.cost.CostEvents.MINI;
import static io.tuneforge.cost.CostEvents.asService;
import static io.tuneforge.cost.CostEvents.finishJob;
import static io.tuneforge.cost.CostEvents.newId;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A pipeline's budget counts only the spend attributed to the pipeline, holds only its jobs, and its
 * alerts say which pipeline. ACME has no tenant budget, so only pipeline budgets decide here.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class PipelineBudgetTest {

    @Test
    void aPipelineBudgetCountsItsOwnSpendHoldsItsOwnJobsAndAlertsWithItsId() {
        String pipeline = newId("pl");
        String budgetId = put(pipeline, Map.of("monthly_limit_usd", "1.00")).statusCode(200)
                .body("pipeline_id", equalTo(pipeline)).body("status", equalTo("ok")).body("spent_usd", equalTo("0.00"))
                .extract().path("budget_id");

        // 5.00 USD spent outside the pipeline, then 0.80 inside it: the warning is about the pipeline's 0.80.
        finishJob(TestTenants.ACME, TestTenants.ACME_KEY, newId("job"), null, 1_000_000);
        finishJob(TestTenants.ACME, TestTenants.ACME_KEY, newId("job"), pipeline, 160_000);
        BudgetWarning warning = EventCodec.read(TopicProbe.awaitRecord(Topics.BUDGET_WARNING, Duration.ofSeconds(30),
                r -> budgetId.equals(r.key())).orElseThrow(() -> new AssertionError("no budget.warning")).value(),
                BudgetWarning.class);
        assertThat(warning.pipelineId()).isEqualTo(pipeline);
        assertThat(warning.spentUsd()).isEqualTo("0.80");
        get(pipeline).statusCode(200).body("spent_usd", equalTo("0.80")).body("status", equalTo("warning"));

        // 0.20 remain: one 0.20 job of the pipeline fits, a second one is held by the pipeline's budget.
        String first = newId("job");
        reserve(first, pipeline, 40_000).body("decision", equalTo("reserved")).body("remaining_usd", equalTo("0.20"))
                .body("pipeline_id", equalTo(pipeline));
        String second = newId("job");
        reserve(second, pipeline, 40_000).body("decision", equalTo("held")).body("budget_id", equalTo(budgetId))
                .body("reason", containsString("pipeline " + pipeline));
        reserve(newId("job"), null, 40_000).body("decision", equalTo("reserved")).body("budget_id", nullValue());

        finishJob(TestTenants.ACME, TestTenants.ACME_KEY, first, pipeline, 40_000);
        BudgetExceeded exceeded = EventCodec.read(TopicProbe.awaitRecord(Topics.BUDGET_EXCEEDED, Duration.ofSeconds(30),
                r -> budgetId.equals(r.key())).orElseThrow(() -> new AssertionError("no budget.exceeded")).value(),
                BudgetExceeded.class);
        assertThat(exceeded.pipelineId()).isEqualTo(pipeline);
        assertThat(exceeded.spentUsd()).isEqualTo("1.00");

        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParam("group_by", "pipeline,kind").queryParam("pipeline_id", pipeline)
                .when().get("/api/v1/spend")
                .then().statusCode(200)
                .body("group_by", equalTo(java.util.List.of("kind", "pipeline")))
                .body("rows", hasSize(1))
                .body("rows[0].pipeline_id", equalTo(pipeline))
                .body("rows[0].kind", equalTo("training"))
                .body("rows[0].amount_usd", equalTo("1.00"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("group_by", "pipeline")
                .when().get("/api/v1/spend")
                .then().statusCode(200).body("rows.find { it.pipeline_id == '" + pipeline + "' }.amount_usd", equalTo("1.00"));

        // Another tenant sees no such budget; deleting it lets the held job through.
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/budgets/pipelines/" + pipeline)
                .then().statusCode(404);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().delete("/api/v1/budgets/pipelines/" + pipeline)
                .then().statusCode(204);
        get(pipeline).statusCode(404).body("detail", containsString("PUT /api/v1/budgets/pipelines/" + pipeline));
        reserve(second, pipeline, 40_000).body("decision", equalTo("reserved"));
    }

    @Test
    void aSoftPipelineBudgetNeverHolds() {
        String pipeline = newId("pl");
        put(pipeline, Map.of("monthly_limit_usd", "1.00", "hard_stop", false)).statusCode(200).body("hard_stop", equalTo(false));
        reserve(newId("job"), pipeline, 1_000_000).body("decision", equalTo("reserved"))
                .body("reason", containsString("no hard stop"));
    }

    @Test
    void rejectsAnInvalidPipelineId() {
        put("bad id!", Map.of("monthly_limit_usd", "1.00")).statusCode(400).body("detail", containsString("pipeline_id"));
    }

    private static ValidatableResponse put(String pipeline, Map<String, ?> body) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(body)
                .when().put("/api/v1/budgets/pipelines/" + pipeline).then();
    }

    private static ValidatableResponse get(String pipeline) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().get("/api/v1/budgets/pipelines/" + pipeline).then();
    }

    static ValidatableResponse reserve(String jobId, String pipeline, long tokens) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("job_id", jobId, "base_model", MINI,
                "estimated_trained_tokens", tokens));
        if (pipeline != null) {
            body.put("pipeline_id", pipeline);
        }
        return asService(TestTenants.ACME).body(body).when().post("/api/v1/budgets/reservations").then().statusCode(200);
    }
}
