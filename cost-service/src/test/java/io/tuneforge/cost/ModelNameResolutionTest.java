package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every model name resolves to its base exactly as the validator resolves it (TrainingModel). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ModelNameResolutionTest {

    @Test
    void ftNamesAzureNamesAndSpellingsResolveToTheirBase() {
        for (String name : new String[]{"ft:gpt-4o-mini-2024-07-18:acme::abc123", "ft:gpt-4o-mini-2024-07-18:acme:tickets:abc:ckpt-step-10",
                "gpt-4o-mini-2024-07-18.ft-5fd1918ee65d4cd3", "GPT-4o-mini", "gpt-4o-mini-2024-07-18"}) {
            given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/catalog/models/" + name)
                    .then().statusCode(200).body("model", equalTo("gpt-4o-mini"));
        }
    }

    @Test
    void anAzureFineTunedModelsUsageIsPricedWithFineTunedPrices() {
        String day = "2026-03-03";
        String pipeline = "pl_" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("kind", "evaluation", "reference", "eval_" + pipeline, "model", "gpt-4o-mini-2024-07-18.ft-0123abcd",
                        "input_tokens", 1_000_000, "output_tokens", 0, "occurred_at", day + "T09:00:00Z", "pipeline_id", pipeline))
                .when().post("/api/v1/spend/usage").then().statusCode(201);
        // gpt-4o-mini fine-tuned input 0.30 per 1M (base would be 0.15)
        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParams(Map.of("from", day, "to", day, "group_by", "model", "pipeline_id", pipeline))
                .when().get("/api/v1/spend")
                .then().statusCode(200).body("total_usd", equalTo("0.30")).body("rows[0].model", equalTo("gpt-4o-mini"));
    }

    @Test
    void anUnknownModelWhereAPriceIsNeededIsA400ListingTheKnownOnes() {
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("tokens_per_epoch", 1000, "train_examples", 100, "models", java.util.List.of("gpt-4o-mini", "gpt-5-turbo")))
                .when().post("/api/v1/estimates/training")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("models[] 'gpt-5-turbo'"))
                .body("detail", containsString("gpt-4.1-nano"))
                .body("detail", containsString("ft:<base>"));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("model", "ft:unknown-base:acme::x", "requests_per_month", 10,
                        "fine_tuned", Map.of("input_tokens", 1, "output_tokens", 1)))
                .when().post("/api/v1/estimates/inference")
                .then().statusCode(400).body("detail", containsString("ft:unknown-base:acme::x"));
    }
}
