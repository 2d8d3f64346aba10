package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.Topics;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetWarning;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

/**
 * The budget contract with training-service: 80% warns, 100% announces the excess and holds the next
 * job, raising the limit releases it. Only this test spends for GLOBEX this month.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class BudgetGuardTest {

    @Test
    void warnsAt80PercentHoldsTheNextJobAt100AndReleasesItWhenTheLimitIsRaised() {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String budgetId = given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("monthly_limit_usd", "100.00"))
                .when().put("/api/v1/budgets/monthly")
                .then().statusCode(200)
                .body("warn_percent", equalTo(80))
                .body("hard_stop", equalTo(true))
                .body("spent_usd", equalTo("0.00"))
                .body("status", equalTo("ok"))
                .extract().path("budget_id");

        // 16M trained tokens on gpt-4.1-mini at 5.00 USD / 1M = 80.00 USD: exactly the 80% threshold.
        finishJob(16_000_000);
        ConsumerRecord<String, String> warning = TopicProbe.awaitRecord(Topics.BUDGET_WARNING, Duration.ofSeconds(30),
                r -> budgetId.equals(r.key())).orElseThrow(() -> new AssertionError("no budget.warning at 80%"));
        assertThat(TopicProbe.header(warning, "ce_tenant")).isEqualTo(TestTenants.GLOBEX);
        BudgetWarning warned = EventCodec.read(warning.value(), BudgetWarning.class);
        assertThat(warned.month()).isEqualTo(month);
        assertThat(warned.spentUsd()).isEqualTo("80.00");
        assertThat(warned.limitUsd()).isEqualTo("100.00");
        assertThat(warned.warnPercent()).isEqualTo(80);
        assertThat(warned.pipelineId()).as("the tenant-wide budget").isNull();
        check("15.00").body("decision", equalTo("allowed")).body("remaining_usd", equalTo("20.00"));

        // Another 20.00 USD reaches the limit.
        finishJob(4_000_000);
        ConsumerRecord<String, String> exceeded = TopicProbe.awaitRecord(Topics.BUDGET_EXCEEDED, Duration.ofSeconds(30),
                r -> budgetId.equals(r.key())).orElseThrow(() -> new AssertionError("no budget.exceeded at 100%"));
        BudgetExceeded over = EventCodec.read(exceeded.value(), BudgetExceeded.class);
        assertThat(over.spentUsd()).isEqualTo("100.00");
        assertThat(over.hardStop()).isTrue();
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/budgets/monthly")
                .then().statusCode(200).body("status", equalTo("exceeded")).body("spent_percent", equalTo("100.00"));
        assertThat(TopicProbe.readAll(Topics.BUDGET_WARNING, Duration.ofSeconds(2)).stream()
                .filter(r -> budgetId.equals(r.key())).count()).as("the warning went out once").isEqualTo(1);

        check("0.50").body("decision", equalTo("held"))
                .body("reason", containsString("exceed the monthly limit"))
                .body("job_id", equalTo("job_next"));

        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("monthly_limit_usd", "200"))
                .when().put("/api/v1/budgets/monthly")
                .then().statusCode(200).body("status", equalTo("ok")).body("remaining_usd", equalTo("100.00"));
        check("0.50").body("decision", equalTo("allowed"));

        // The other tenant's budget is its own.
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("estimated_cost_usd", "0.50"))
                .when().post("/api/v1/budgets/check")
                .then().statusCode(200).body("decision", equalTo("allowed")).body("reason", containsString("No budget"));
    }

    @Test
    void rejectsABudgetWithoutAPositiveLimit() {
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("monthly_limit_usd", "0"))
                .when().put("/api/v1/budgets/monthly")
                .then().statusCode(400).body("detail", containsString("must be at least 0.01 USD"));
    }

    private static void finishJob(long trainedTokens) {
        String jobId = "job_" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.publishEvent(new JobSucceeded(jobId, "ftjob-" + jobId, "acct_1", "ds_b", "dsv_b", "gpt-4.1-mini-2025-04-14",
                "supervised", "ft:gpt-4.1-mini-2025-04-14:globex::" + jobId, trainedTokens, 3, 1, Instant.now(), null, null),
                "evt-" + UUID.randomUUID(), TestTenants.GLOBEX);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/spend/jobs/" + jobId)
                        .then().statusCode(200));
    }

    private static ValidatableResponse check(String estimatedCost) {
        return given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/json")
                .body(Map.of("estimated_cost_usd", estimatedCost, "job_id", "job_next"))
                .when().post("/api/v1/budgets/check")
                .then().statusCode(200);
    }
}
