package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Phase 1 over REST: which model, what inference will cost against the base model, and what was spent. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class PlanningTest {

    @Test
    void recommendsTheSeedRulesModelForEachUseCaseWithTheReason() {
        Map<String, String> expected = Map.of("complex_reasoning", "gpt-4.1", "production", "gpt-4.1-mini",
                "high_volume_simple", "gpt-4.1-nano", "vision", "gpt-4o", "budget", "gpt-4o-mini");
        expected.forEach((useCase, model) -> recommend(Map.of("use_case", useCase))
                .statusCode(200).body("model", equalTo(model)).body("reason", containsString(model)).body("rejected", hasSize(0)));
    }

    @Test
    void fallsBackWhenAConstraintRulesThePreferredModelOutAndSaysWhy() {
        recommend(Map.of("use_case", "high_volume_simple", "longest_example_tokens", 40_000))
                .statusCode(200).body("model", equalTo("gpt-4o-mini"))
                .body("rejected[0].model", equalTo("gpt-4.1-nano"))
                .body("rejected[0].reason", containsString("per-example limit of 32768"));
        // 1M trained tokens: gpt-4o-mini would cost 3.00, over the 2.00 limit; gpt-4.1-nano costs 1.50.
        recommend(Map.of("use_case", "budget", "trained_tokens", 1_000_000, "max_training_cost_usd", "2.00"))
                .statusCode(200).body("model", equalTo("gpt-4.1-nano")).body("training_cost_usd", equalTo("1.50"))
                .body("rejected[0].reason", containsString("3.00 USD, over the 2.00 USD limit"));
        // The vision use case means vision fine-tuning whatever method is sent.
        recommend(Map.of("use_case", "vision", "method", "dpo"))
                .statusCode(200).body("model", equalTo("gpt-4o"));
        recommend(Map.of("use_case", "complex_reasoning", "longest_example_tokens", 70_000))
                .statusCode(422).body("detail", containsString("gpt-4.1: longest example of 70000 tokens"));
        recommend(Map.of("use_case", "poetry"))
                .statusCode(400).body("detail", containsString("complex_reasoning, production"));
    }

    @Test
    void monthlyInferenceCostOfTheFineTunedModelAgainstStayingOnTheBaseModel() {
        // Fine-tuned gpt-4.1-mini with a short prompt against gpt-4.1 with a long few-shot prompt.
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("model", "gpt-4.1-mini", "requests_per_month", 1_000_000,
                        "fine_tuned", Map.of("input_tokens", 200, "output_tokens", 100),
                        "base_model", "gpt-4.1", "base", Map.of("input_tokens", 1_500, "output_tokens", 100),
                        "trained_tokens", 1_000_000, "months", 12))
                .when().post("/api/v1/estimates/inference")
                .then().statusCode(200)
                // 1M x (200 x 0.80 + 100 x 3.20) / 1M
                .body("fine_tuned.monthly_cost_usd", equalTo("480.00"))
                // 1M x (1500 x 2.00 + 100 x 8.00) / 1M
                .body("base.monthly_cost_usd", equalTo("3800.00"))
                .body("monthly_savings_usd", equalTo("3320.00"))
                .body("training_cost_usd", equalTo("5.00"))
                .body("total_fine_tuned_usd", equalTo("5765.00"))
                .body("total_base_usd", equalTo("45600.00"))
                .body("total_savings_usd", equalTo("39835.00"))
                .body("break_even_months", equalTo("0.01"))
                .body("unknown", hasSize(0));
    }

    @Test
    void usageIsPricedOnceAndReportedByDayModelAndKind() {
        // A day no other test books spend on.
        String day = "2026-01-15";
        String evalRun = "eval_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> evalUsage = Map.of("kind", "evaluation", "reference", evalRun,
                "model", "ft:gpt-4.1-mini-2025-04-14:acme:tickets:abc", "input_tokens", 1_000_000, "cached_input_tokens", 500_000,
                "output_tokens", 100_000, "occurred_at", day + "T09:00:00Z");
        usage(evalUsage).statusCode(201);
        // The same reference again changes nothing.
        usage(evalUsage).statusCode(200);
        usage(Map.of("kind", "inference", "reference", "gw_" + evalRun, "model", "gpt-4.1-nano", "input_tokens", 2_000_000,
                "output_tokens", 1_000_000, "occurred_at", day + "T10:00:00Z")).statusCode(201);
        usage(Map.of("kind", "inference", "reference", "gw2_" + evalRun, "model", "claude-x", "input_tokens", 10,
                "output_tokens", 10, "occurred_at", day + "T11:00:00Z")).statusCode(201);
        usage(Map.of("kind", "training", "reference", "x", "model", "gpt-4.1", "input_tokens", 1, "output_tokens", 1))
                .statusCode(400).body("detail", containsString("job.succeeded"));

        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParam("from", day).queryParam("to", day).queryParam("group_by", "kind,model,day")
                .when().get("/api/v1/spend")
                .then().statusCode(200)
                .body("group_by", equalTo(List.of("day", "model", "kind")))
                .body("rows", hasSize(3))
                // fine-tuned prices: 1M x 0.80 + 0.5M x 0.20 + 0.1M x 3.20 = 0.80 + 0.10 + 0.32
                .body("rows.find { it.kind == 'evaluation' }.amount_usd", equalTo("1.22"))
                .body("rows.find { it.kind == 'evaluation' }.model", equalTo("gpt-4.1-mini"))
                .body("rows.find { it.kind == 'evaluation' }.day", equalTo(day))
                // base prices: 2M x 0.10 + 1M x 0.40
                .body("rows.find { it.model == 'gpt-4.1-nano' }.amount_usd", equalTo("0.60"))
                .body("rows.find { it.model == 'claude-x' }.unpriced_entries", equalTo(1))
                .body("total_usd", equalTo("1.82"))
                .body("unpriced_entries", equalTo(1));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY))
                .queryParam("from", day).queryParam("to", day)
                .when().get("/api/v1/spend")
                .then().statusCode(200).body("rows", hasSize(0)).body("total_usd", equalTo("0.00"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("group_by", "tenant")
                .when().get("/api/v1/spend").then().statusCode(400).body("detail", containsString("day, model, kind"));
    }

    private static ValidatableResponse recommend(Map<String, ?> body) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(body)
                .when().post("/api/v1/catalog/recommendations").then();
    }

    private static ValidatableResponse usage(Map<String, ?> body) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(body)
                .when().post("/api/v1/spend/usage").then();
    }
}
