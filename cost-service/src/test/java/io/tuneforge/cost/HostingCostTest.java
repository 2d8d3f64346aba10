package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Hosting is cost: hourly prices per Azure deployment type in estimates, in spend, in budgets. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class HostingCostTest {

    private static final String MODEL = "gpt-4.1-mini";

    @BeforeEach
    void aStandardHostingPriceIsKnown() {
        // The seed knows no Standard hourly figure (unknown); an admin adds one (201 once, then 409). 1.70/h is a test figure.
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("model", MODEL, "deployment_type", "standard", "hourly_usd", "1.70",
                        "effective_from", "2026-01-01T00:00:00Z", "source", "test sheet", "checked_on", "2026-12-07"))
                .when().post("/api/v1/catalog/hosting-prices")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
    }

    private static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse estimate(String deploymentType) {
        Map<String, Object> body = new HashMap<>(Map.of("model", MODEL, "requests_per_month", 1_000_000,
                "fine_tuned", Map.of("input_tokens", 200, "output_tokens", 100),
                "base_model", "gpt-4.1", "base", Map.of("input_tokens", 1_500, "output_tokens", 100),
                "trained_tokens", 1_000_000, "months", 12));
        if (deploymentType != null) {
            body.put("deployment_type", deploymentType);
        }
        return given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json").body(body)
                .when().post("/api/v1/estimates/inference").then();
    }

    private static ValidatableResponse bookHours(Map<String, ?> body) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(body)
                .when().post("/api/v1/spend/deployments").then();
    }

    @Test
    void hostingPricesAreReadByAllAndAddedByAdminsOnly() {
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).queryParam("model", "ft:gpt-4.1-mini-2025-04-14:globex::a")
                .when().get("/api/v1/catalog/hosting-prices")
                .then().statusCode(200)
                .body("find { it.deployment_type == 'developertier' }.hourly_usd", equalTo("0.00"))
                .body("find { it.deployment_type == 'developertier' }.source", containsString("fine-tune-test"))
                .body("find { it.deployment_type == 'globalstandard' }.hourly_usd", nullValue())
                .body("find { it.deployment_type == 'standard' && it.hourly_usd != null }.monthly_usd", equalTo("1241.00"));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("model", MODEL, "deployment_type", "standard", "hourly_usd", "0.01",
                        "effective_from", "2026-02-01T00:00:00Z", "source", "x", "checked_on", "2026-12-07"))
                .when().post("/api/v1/catalog/hosting-prices").then().statusCode(403);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("model", MODEL, "deployment_type", "provisioned", "hourly_usd", "1",
                        "effective_from", "2026-02-01T00:00:00Z", "source", "x", "checked_on", "2026-12-07"))
                .when().post("/api/v1/catalog/hosting-prices")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("globalstandard"));
    }

    @Test
    void theEstimateCountsMonthlyHostingInTheTotalAgainstTheBaseModel() {
        // OpenAI (no deployment type): no hosting; the same figures as without hosting.
        estimate(null).statusCode(200).body("hosting", nullValue())
                .body("fine_tuned_monthly_total_usd", equalTo("480.00")).body("total_fine_tuned_usd", equalTo("5765.00"));
        // Standard: 1.70 x 730 h = 1241.00 a month, idle or not.
        estimate("standard").statusCode(200)
                .body("hosting.deployment_type", equalTo("standard"))
                .body("hosting.hourly_usd", equalTo("1.70"))
                .body("hosting.monthly_usd", equalTo("1241.00"))
                .body("fine_tuned.monthly_cost_usd", equalTo("480.00"))
                .body("fine_tuned_monthly_total_usd", equalTo("1721.00"))
                .body("monthly_savings_usd", equalTo("2079.00"))
                // 5.00 training + 12 x 1721.00
                .body("total_fine_tuned_usd", equalTo("20657.00"))
                .body("total_base_usd", equalTo("45600.00"))
                .body("total_savings_usd", equalTo("24943.00"))
                .body("unknown", hasSize(0));
        estimate("developertier").statusCode(200).body("hosting.monthly_usd", equalTo("0.00"))
                .body("total_fine_tuned_usd", equalTo("5765.00"));
        // Global Standard's hourly fee is not known: the totals that need it are unknown, and say why.
        estimate("globalstandard").statusCode(200).body("hosting.hourly_usd", nullValue())
                .body("total_fine_tuned_usd", nullValue()).body("monthly_savings_usd", nullValue())
                .body("total_base_usd", equalTo("45600.00"))
                .body("unknown", hasItem("gpt-4.1-mini globalstandard hosting price"));
        estimate("ptu").statusCode(400).body("detail", containsString("developertier, standard or globalstandard"));
    }

    @Test
    void deploymentHoursAreBookedOncePerDayAndPeriod() {
        String pipeline = newId("pl");
        Map<String, Object> period = Map.of("deployment_id", newId("dep"), "account_id", "acct_azure",
                "model", "gpt-4.1-mini-2025-04-14.ft-0a1b2c3d", "sku", "Standard",
                "started_at", "2026-02-10T20:00:00Z", "ended_at", "2026-02-11T04:00:00Z", "pipeline_id", pipeline);
        bookHours(period).statusCode(201).body("hours", equalTo("8.00")).body("amount_usd", equalTo("13.60"))
                .body("entries", equalTo(2)).body("sku", equalTo("standard"));
        bookHours(period).statusCode(200).body("booked", equalTo(false));
        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParams(Map.of("from", "2026-02-10", "to", "2026-02-11", "group_by", "day,kind", "kind", "hosting",
                        "pipeline_id", pipeline))
                .when().get("/api/v1/spend")
                .then().statusCode(200).body("total_usd", equalTo("13.60")).body("rows", hasSize(2))
                .body("rows.find { it.day == '2026-02-10' }.amount_usd", equalTo("6.80"))
                .body("rows.find { it.day == '2026-02-11' }.amount_usd", equalTo("6.80"));
        bookHours(Map.of("deployment_id", "d", "account_id", "a", "model", MODEL, "sku", "standard",
                "started_at", "2026-02-10T20:00:00Z", "ended_at", "2026-02-10T20:00:00Z"))
                .statusCode(400).body("detail", containsString("must be after started_at"));
        bookHours(Map.of("deployment_id", "d", "account_id", "a", "model", MODEL, "sku", "ProvisionedManaged",
                "started_at", "2026-02-10T20:00:00Z", "ended_at", "2026-02-10T21:00:00Z"))
                .statusCode(400).body("detail", containsString("globalstandard"));
    }

    @Test
    void hostingHoursCountAgainstBudgetsAndHoldJobs() {
        String pipeline = newId("pl");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("monthly_limit_usd", "10.00")).when().put("/api/v1/budgets/pipelines/" + pipeline)
                .then().statusCode(200);
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        bookHours(Map.of("deployment_id", newId("dep"), "account_id", "acct_azure", "model", MODEL, "sku", "standard",
                "started_at", end.minus(10, ChronoUnit.HOURS).toString(), "ended_at", end.toString(), "pipeline_id", pipeline))
                .statusCode(201).body("amount_usd", equalTo("17.00"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/budgets/pipelines/" + pipeline)
                .then().statusCode(200).body("spent_usd", equalTo("17.00")).body("status", equalTo("exceeded"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("job_id", newId("job"), "pipeline_id", pipeline, "base_model", MODEL,
                        "estimated_trained_tokens", 1_000))
                .when().post("/api/v1/budgets/reservations")
                .then().statusCode(200).body("decision", equalTo("held"));
    }

    @Test
    void usageReportedUnderADeploymentNameIsPricedAsTheFineTunedModelItServes() {
        String pipeline = newId("pl");
        String deployment = newId("tickets-prod");
        bookHours(Map.of("deployment_id", deployment, "account_id", "acct_azure",
                "model", "ft:gpt-4.1-mini-2025-04-14:acme::x1", "sku", "developertier",
                "started_at", "2026-03-02T10:00:00Z", "ended_at", "2026-03-02T11:00:00Z", "pipeline_id", pipeline))
                .statusCode(201).body("amount_usd", equalTo("0.00"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("kind", "inference", "reference", newId("usage"), "model", deployment, "input_tokens", 1_000_000,
                        "output_tokens", 0, "occurred_at", "2026-03-02T10:30:00Z", "pipeline_id", pipeline))
                .when().post("/api/v1/spend/usage").then().statusCode(201);
        // 1M input tokens at gpt-4.1-mini's fine-tuned input price (0.80), not its base price (0.40)
        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParams(Map.of("from", "2026-03-02", "to", "2026-03-02", "group_by", "model,kind", "kind", "inference",
                        "pipeline_id", pipeline))
                .when().get("/api/v1/spend")
                .then().statusCode(200).body("total_usd", equalTo("0.80")).body("rows[0].model", equalTo(MODEL));
    }
}
