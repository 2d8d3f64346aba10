package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Counts whose products overflow a long (or the stored amount) are a 400 naming the field, never a 500. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class OverflowBoundsTest {

    private static final long HUGE = Long.MAX_VALUE / 2;

    @Test
    void aTrainingEstimateWithHugeTokensPerEpochIsA400NamingTheField() {
        post("/api/v1/estimates/training", Map.of("tokens_per_epoch", HUGE, "train_examples", 100, "n_epochs", 50))
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("tokens_per_epoch"))
                .body("detail", containsString("tokens_per_epoch: must be at most 1000000000000"));
        // Auto epochs on a huge example count, and a huge count of examples.
        post("/api/v1/estimates/training", Map.of("tokens_per_epoch", 1_000, "train_examples", HUGE))
                .statusCode(400).body("errors[0].field", equalTo("train_examples"));
        // The largest accepted values still compute (50 epochs x the bound fits a long).
        post("/api/v1/estimates/training", Map.of("tokens_per_epoch", 1_000_000_000_000L, "train_examples", 100, "n_epochs", 50))
                .statusCode(200).body("trained_tokens", equalTo(50_000_000_000_000L));
    }

    @Test
    void anInferenceEstimateWithHugeRequestsOrTokensIsA400NamingTheField() {
        post("/api/v1/estimates/inference", inference(HUGE, 200, 100, null))
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("requests_per_month"));
        post("/api/v1/estimates/inference", inference(1_000_000, HUGE, 100, null))
                .statusCode(400).body("errors[0].field", equalTo("fine_tuned.input_tokens"));
        post("/api/v1/estimates/inference", inference(1_000_000, 200, 100, HUGE))
                .statusCode(400).body("errors[0].field", equalTo("trained_tokens"));
        // Both bounds at once still fit: requests x tokens per request stays in a long.
        post("/api/v1/estimates/inference", inference(100_000_000_000L, 10_000_000, 10_000_000, 1_000_000_000_000L))
                .statusCode(200);
    }

    @Test
    void aUsageRecordWithHugeTokenCountsIsA400NamingTheFieldAndNothingIsBooked() {
        String reference = "overflow-" + UUID.randomUUID();
        Map<String, Object> usage = new HashMap<>(Map.of("kind", "inference", "reference", reference, "model", "gpt-4o-mini",
                "input_tokens", Long.MAX_VALUE, "output_tokens", Long.MAX_VALUE));
        post("/api/v1/spend/usage", usage)
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("input_tokens: must be at most 3000000000 tokens per usage record"))
                .body("detail", containsString("output_tokens"));
        usage.putAll(Map.of("input_tokens", 1, "output_tokens", 1, "cached_input_tokens", HUGE));
        post("/api/v1/spend/usage", usage).statusCode(400).body("errors[0].field", equalTo("cached_input_tokens"));
        // A number beyond a long at all is a 400 too.
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body("{\"kind\":\"inference\",\"reference\":\"" + reference + "\",\"model\":\"gpt-4o-mini\","
                        + "\"input_tokens\":1e30,\"output_tokens\":1}")
                .when().post("/api/v1/spend/usage").then().statusCode(400);
        // The same reference within bounds is recorded for the first time: nothing was booked before.
        usage.putAll(Map.of("cached_input_tokens", 0, "input_tokens", 3_000_000_000L, "output_tokens", 3_000_000_000L));
        post("/api/v1/spend/usage", usage).statusCode(201);
    }

    private static Map<String, Object> inference(long requests, long inputTokens, long outputTokens, Long trainedTokens) {
        Map<String, Object> body = new HashMap<>(Map.of("model", "gpt-4.1-mini", "requests_per_month", requests,
                "fine_tuned", Map.of("input_tokens", inputTokens, "output_tokens", outputTokens)));
        if (trainedTokens != null) {
            body.put("trained_tokens", trainedTokens);
        }
        return body;
    }

    private static ValidatableResponse post(String path, Map<String, Object> body) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(body)
                .when().post(path).then();
    }
}
