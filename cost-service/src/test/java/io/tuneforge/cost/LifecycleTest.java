package io.tuneforge.cost;

import io.tuneforge.testsupport.ShiftableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class LifecycleTest {

    @Inject
    ShiftableClock clock;

    private static ValidatableResponse trainability(String key, Map<String, ?> query) {
        return given().header("Authorization", bearer(key)).queryParams(query)
                .when().get("/api/v1/catalog/lifecycle/trainability").then();
    }

    @Test
    void theSeedRecordsOpenAisEndOfSelfServeTrainingWithItsSource() {
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).queryParam("provider", "openai")
                .when().get("/api/v1/catalog/lifecycle")
                .then().statusCode(200)
                .body("model", hasItems("gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini"))
                .body("find { it.model == 'gpt-4.1-mini' }.training_ends_on", equalTo("2027-01-06"))
                .body("find { it.model == 'gpt-4.1-mini' }.methods", equalTo(List.of("sft", "dpo")))
                .body("find { it.model == 'gpt-4.1-mini' }.shutdown_on", nullValue())
                .body("find { it.model == 'gpt-4.1-mini' }.substitute_provider", equalTo("azure"))
                .body("find { it.model == 'gpt-4.1-mini' }.source", containsString("platform.openai.com/docs/deprecations"))
                .body("find { it.model == 'gpt-4.1-mini' }.checked_on", equalTo("2026-12-07"));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).queryParam("model", "gpt-4o-mini-2024-07-18")
                .queryParam("provider", "azure")
                .when().get("/api/v1/catalog/lifecycle")
                .then().statusCode(200)
                .body("[0].training_tiers", equalTo(List.of("standard", "global", "developer")))
                .body("[0].training_ends_on", nullValue());
    }

    @Test
    void openAiTrainingIsWarnedBeforeAndRefusedFromTheSixthOfJanuaryWithAzureNamed() {
        trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4.1-mini", "provider", "openai", "on", "2026-12-07"))
                .statusCode(200).body("verdict", equalTo("warned")).body("days_left", equalTo(30))
                .body("resolved_model", equalTo("gpt-4.1-mini"));
        // continuing training from a fine-tune: its base decides
        trainability(TestTenants.GLOBEX_KEY, Map.of("model", "ft:gpt-4.1-mini-2025-04-14:globex::abc123", "provider", "openai",
                "on", "2027-01-06"))
                .statusCode(200).body("verdict", equalTo("refused")).body("resolved_model", equalTo("gpt-4.1-mini"))
                .body("substitute", equalTo("gpt-4.1-mini")).body("substitute_provider", equalTo("azure"))
                .body("reason", containsString("2027-01-06"));
        trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4.1-mini.ft-0123abcd", "provider", "azure", "on", "2027-01-06",
                "method", "sft", "tier", "developer"))
                .statusCode(200).body("verdict", equalTo("allowed")).body("resolved_model", equalTo("gpt-4.1-mini"));
    }

    @Test
    void withoutADayTheServiceClockDecides() {
        try {
            clock.shiftTo(Instant.parse("2027-01-07T12:00:00Z"));
            trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4o-mini", "provider", "openai"))
                    .statusCode(200).body("on", equalTo("2027-01-07")).body("verdict", equalTo("refused"));
            clock.shiftTo(Instant.parse("2026-08-01T12:00:00Z"));
            trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4o-mini", "provider", "openai"))
                    .statusCode(200).body("on", equalTo("2026-08-01")).body("verdict", equalTo("allowed"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void onlyCatalogAdminsChangeAnEntryAndTheNewFactsDecide() {
        Map<String, Object> entry = new HashMap<>(Map.of("fine_tunable", true, "methods", List.of("sft", "dpo"),
                "training_tiers", List.of("standard", "global"), "deprecated_on", "2026-06-01", "shutdown_on", "2026-12-01",
                "substitute", "gpt-4.1", "substitute_provider", "azure", "source", "test sheet", "checked_on", "2026-12-07"));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json").body(entry)
                .when().put("/api/v1/catalog/lifecycle/gpt-4o/azure")
                .then().statusCode(403).contentType("application/problem+json");
        try {
            given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(entry)
                    .when().put("/api/v1/catalog/lifecycle/gpt-4o/azure")
                    .then().statusCode(200).body("shutdown_on", equalTo("2026-12-01")).body("updated_by", equalTo("acme"));
            trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4o-2024-08-06", "provider", "azure", "on", "2026-12-07"))
                    .statusCode(200).body("verdict", equalTo("refused")).body("substitute", equalTo("gpt-4.1"))
                    .body("reason", containsString("was shut down")).body("lifecycle.source", equalTo("test sheet"));
            trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4o", "provider", "azure", "on", "2026-11-01"))
                    .statusCode(200).body("verdict", equalTo("warned")).body("days_left", equalTo(30));
        } finally {
            Map<String, Object> restore = new HashMap<>(Map.of("fine_tunable", true, "methods", List.of("sft"),
                    "training_tiers", List.of("standard", "global", "developer"), "source", "restored by LifecycleTest",
                    "checked_on", "2026-12-07"));
            given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(restore)
                    .when().put("/api/v1/catalog/lifecycle/gpt-4o/azure").then().statusCode(200);
        }
    }

    @Test
    void badInputIsA4xxSayingWhatToSend() {
        trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-9-ultra", "provider", "openai"))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("gpt-9-ultra")).body("detail", containsString("gpt-4.1-mini"));
        trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4o", "provider", "bedrock"))
                .statusCode(400).body("detail", containsString("openai or azure"));
        trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4o"))
                .statusCode(400).body("detail", containsString("provider is required"));
        trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4o", "provider", "openai", "on", "07/01/2027"))
                .statusCode(400).body("detail", containsString("YYYY-MM-DD"));
        trainability(TestTenants.GLOBEX_KEY, Map.of("model", "gpt-4o", "provider", "openai", "method", "lora"))
                .statusCode(400).body("detail", containsString("sft, dpo or rft"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("fine_tunable", true, "methods", List.of("sft"), "training_tiers", List.of("developer"),
                        "source", "x", "checked_on", "2026-12-07"))
                .when().put("/api/v1/catalog/lifecycle/gpt-4o/openai")
                .then().statusCode(400).body("detail", containsString("Azure OpenAI only"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("fine_tunable", true, "methods", List.of("sft"), "source", "x"))
                .when().put("/api/v1/catalog/lifecycle/gpt-4o/openai")
                .then().statusCode(400).body("errors.field", notNullValue());
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("fine_tunable", true, "methods", List.of("sft"), "source", "x", "checked_on", "2026-12-07"))
                .when().put("/api/v1/catalog/lifecycle/gpt-4o-2024-08-06/openai")
                .then().statusCode(404).body("detail", containsString("catalog id"));
    }
}
