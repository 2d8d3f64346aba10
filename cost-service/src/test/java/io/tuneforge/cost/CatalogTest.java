package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class CatalogTest {

    @Test
    void listsTheSeededModelsWithLimitsMethodsAndSourcedPrices() {
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).queryParam("limit", 100)
                .when().get("/api/v1/catalog/models")
                .then().statusCode(200)
                .body("data.model", hasItems("gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini"))
                .body("data.find { it.model == 'gpt-4.1-mini' }.snapshot", equalTo("gpt-4.1-mini-2025-04-14"))
                .body("data.find { it.model == 'gpt-4.1-mini' }.context_window", equalTo(1_047_576))
                .body("data.find { it.model == 'gpt-4.1-mini' }.methods", equalTo(List.of("supervised", "dpo")))
                .body("data.find { it.model == 'gpt-4.1-mini' }.price.training_per_million", equalTo("5.00"))
                .body("data.find { it.model == 'gpt-4.1-mini' }.price.base.cached_input", equalTo("0.10"))
                .body("data.find { it.model == 'gpt-4.1-mini' }.price.fine_tuned.output", equalTo("3.20"))
                .body("data.find { it.model == 'gpt-4.1-mini' }.price.source", containsString("openai.com/api/pricing"))
                .body("data.find { it.model == 'gpt-4o' }.methods", equalTo(List.of("supervised", "vision")))
                .body("data.find { it.model == 'gpt-4o' }.price.fine_tuned.cached_input", equalTo("1.875"))
                .body("data.find { it.model == 'gpt-4.1-nano' }.max_example_tokens", equalTo(32_768));
    }

    @Test
    void onlyAdminTenantsEditAndPricesAreVersionedWithUnknownShownAsNull() {
        String model = "gpt-test-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> definition = Map.of("snapshot", model + "-2026-01-01", "description", "a test model",
                "context_window", 128_000, "max_example_tokens", 65_536, "methods", List.of("supervised"),
                "limits_source", "test");
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json").body(definition)
                .when().put("/api/v1/catalog/models/" + model)
                .then().statusCode(403).body("detail", containsString("tuneforge.cost.admin-tenants"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(definition)
                .when().put("/api/v1/catalog/models/" + model)
                .then().statusCode(200).body("price", nullValue());

        // Only some prices known: the rest stay unknown (null), never zero.
        Map<String, Object> january = new HashMap<>(Map.of("effective_from", "2026-01-01T00:00:00Z",
                "training_per_million", "2.00", "source", "test sheet, checked 2026-01-01"));
        january.put("fine_tuned", Map.of("input", "0.50"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(january)
                .when().post("/api/v1/catalog/models/" + model + "/prices")
                .then().statusCode(201).body("training_per_million", equalTo("2.00"))
                .body("fine_tuned.input", equalTo("0.50")).body("fine_tuned.output", nullValue())
                .body("base.input", nullValue());
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("effective_from", "2026-01-01T00:00:00Z", "training_per_million", "9", "source", "again"))
                .when().post("/api/v1/catalog/models/" + model + "/prices")
                .then().statusCode(409);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("effective_from", "2026-06-01T00:00:00Z", "training_per_million", "3.00", "source", "price rise"))
                .when().post("/api/v1/catalog/models/" + model + "/prices")
                .then().statusCode(201);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("effective_from", "2026-07-01T00:00:00Z", "training_per_million", "0", "source", "x"))
                .when().post("/api/v1/catalog/models/" + model + "/prices")
                .then().statusCode(403);

        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY))
                .when().get("/api/v1/catalog/models/" + model)
                .then().statusCode(200)
                .body("price.training_per_million", equalTo("3.00"))
                .body("history", hasSize(2))
                .body("history[0].training_per_million", equalTo("2.00"))
                .body("history[0].effective_from", equalTo("2026-01-01T00:00:00Z"));

        // An estimate on it uses the version in force now (June's: a version is a whole price sheet, so its
        // unlisted inference prices are unknown), and unknown prices make the payoff unknown, not cheaper.
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("tokens_per_epoch", 100_000, "train_examples", 500, "models", List.of(model, "gpt-4.1-mini")))
                .when().post("/api/v1/estimates/training")
                .then().statusCode(200)
                .body("epochs", equalTo(3)).body("trained_tokens", equalTo(300_000))
                .body("candidates.model", equalTo(List.of(model, "gpt-4.1-mini")))
                .body("candidates[0].training_cost_usd", equalTo("0.90"))
                .body("candidates[1].training_cost_usd", equalTo("1.50"));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("model", model, "requests_per_month", 1000,
                        "fine_tuned", Map.of("input_tokens", 100, "output_tokens", 10), "trained_tokens", 300_000))
                .when().post("/api/v1/estimates/inference")
                .then().statusCode(200)
                .body("fine_tuned.monthly_cost_usd", nullValue())
                .body("fine_tuned.missing_prices", equalTo(List.of(model + " fine-tuned input", model + " fine-tuned output")))
                .body("total_fine_tuned_usd", nullValue())
                .body("training_cost_usd", equalTo("0.90"));
    }

    @Test
    void aSnapshotOrAFineTunedModelNameResolvesToItsCatalogModel() {
        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().get("/api/v1/catalog/models/ft:gpt-4.1-mini-2025-04-14:acme:tickets:abc123")
                .then().statusCode(200).body("model", equalTo("gpt-4.1-mini"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().get("/api/v1/catalog/models/gpt-4.1-2025-04-14")
                .then().statusCode(200).body("model", equalTo("gpt-4.1"));
    }

    @Test
    void unknownModelIsANotFoundProblemThatSaysWhereToLook() {
        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().get("/api/v1/catalog/models/gpt-nope")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("GET /api/v1/catalog/models"));
    }
}
