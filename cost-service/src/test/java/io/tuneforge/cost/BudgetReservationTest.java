package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tuneforge.events.job.JobCancelled;
import io.tuneforge.events.job.JobFailed;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The reservation contract training-service calls before starting a job: priced with the training
 * price in force, decided against the budget minus this month's spend and other open reservations,
 * once per job, released by the job's outcome or explicitly. Only this class uses INITECH.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class BudgetReservationTest {

    private static final String MINI = "gpt-4.1-mini-2025-04-14";

    @Test
    void reservesOncePerJobHoldsWhatDoesNotFitAndReleasesOnEveryOutcome() {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String budgetId = given().header("Authorization", bearer(TestTenants.INITECH_KEY)).contentType("application/json")
                .body(Map.of("monthly_limit_usd", "10.00"))
                .when().put("/api/v1/budgets/monthly")
                .then().statusCode(200).body("pipeline_id", nullValue()).extract().path("budget_id");
        String jobA = job();
        String jobB = job();

        // 1M tokens x 5.00 USD / 1M on gpt-4.1-mini, resolved from its snapshot.
        String reservationA = reserve(jobA, MINI, 1_000_000).statusCode(200)
                .body("decision", equalTo("reserved"))
                .body("job_id", equalTo(jobA))
                .body("estimated_cost_usd", equalTo("5.00"))
                .body("remaining_usd", equalTo("10.00"))
                .body("price_known", equalTo(true))
                .body("budget_id", nullValue())
                .body("month", equalTo(month))
                .extract().path("reservation_id");
        reserve(jobA, MINI, 1_000_000).statusCode(200)
                .body("reservation_id", equalTo(reservationA)).body("decision", equalTo("reserved"));

        // 6.00 does not fit in the 5.00 that job A leaves.
        String reservationB = reserve(jobB, MINI, 1_200_000).statusCode(200)
                .body("decision", equalTo("held"))
                .body("budget_id", equalTo(budgetId))
                .body("remaining_usd", equalTo("5.00"))
                .body("reason", containsString("5.00 USD reserved by other jobs"))
                .extract().path("reservation_id");
        open().body("data.job_id", hasItem(jobA)).body("data.job_id", hasItem(jobB));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/budgets/reservations")
                .then().statusCode(200).body("data.job_id", not(hasItem(jobA)));

        // Giving A back makes room for B: the same reservation, now reserved.
        release(jobA).statusCode(204);
        release(jobA).statusCode(204);
        release("job_never_asked").statusCode(404);
        reserve(jobB, MINI, 1_200_000).statusCode(200)
                .body("reservation_id", equalTo(reservationB)).body("decision", equalTo("reserved"))
                .body("remaining_usd", equalTo("10.00"));
        reserve(jobA, MINI, 1_000_000).statusCode(200).body("reservation_id", equalTo(reservationA))
                .body("decision", equalTo("reserved"));
        open().body("data.job_id", not(hasItem(jobA)));

        // B's actual spend (6.00) replaces its reservation: 4.00 remain, exactly enough for C.
        TopicProbe.publishEvent(new JobSucceeded(jobB, "ftjob-" + jobB, "acct_1", "ds_r", "dsv_r", MINI, "supervised",
                "ft:" + MINI + ":initech::" + jobB, 1_200_000, 3, 1, Instant.now(), null, null), "evt-" + UUID.randomUUID(),
                TestTenants.INITECH);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> open().body("data.job_id", not(hasItem(jobB))));
        String jobC = job();
        reserve(jobC, MINI, 800_000).statusCode(200).body("decision", equalTo("reserved")).body("remaining_usd", equalTo("4.00"));
        String jobD = job();
        reserve(jobD, MINI, 100_000).statusCode(200).body("decision", equalTo("held"));

        // A cancelled job's reservation is released; the held job fits now.
        TopicProbe.publishEvent(new JobCancelled(jobC, null, "user", null), "evt-" + UUID.randomUUID(), TestTenants.INITECH);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                reserve(jobD, MINI, 100_000).statusCode(200).body("decision", equalTo("reserved")));

        // A failed job's billed tokens become its actual spend, priced with the model it reserved for.
        String jobE = job();
        reserve(jobE, MINI, 400_000).statusCode(200).body("decision", equalTo("reserved"));
        TopicProbe.publishEvent(new JobFailed(jobE, "ftjob-" + jobE, "provider_error", "boom", "retry", 100_000L, null),
                "evt-" + UUID.randomUUID(), TestTenants.INITECH);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> open().body("data.job_id", not(hasItem(jobE))));
        given().header("Authorization", bearer(TestTenants.INITECH_KEY)).when().get("/api/v1/budgets/monthly")
                .then().statusCode(200).body("spent_usd", equalTo("6.50"));
        given().header("Authorization", bearer(TestTenants.INITECH_KEY))
                .queryParam("group_by", "kind,model").queryParam("kind", "training")
                .when().get("/api/v1/spend")
                .then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].model", equalTo("gpt-4.1-mini"))
                .body("rows[0].amount_usd", equalTo("6.50"));

        // The old read-only check counts open reservations too (D's 0.50 of the 3.50 left).
        given().header("Authorization", bearer(TestTenants.INITECH_KEY)).contentType("application/json")
                .body(Map.of("estimated_cost_usd", "3.01"))
                .when().post("/api/v1/budgets/check")
                .then().statusCode(200).body("decision", equalTo("held")).body("remaining_usd", equalTo("3.00"));

        release(jobD).statusCode(204);
        given().header("Authorization", bearer(TestTenants.INITECH_KEY)).when().delete("/api/v1/budgets/monthly")
                .then().statusCode(204);
        given().header("Authorization", bearer(TestTenants.INITECH_KEY)).when().delete("/api/v1/budgets/monthly")
                .then().statusCode(204);
        given().header("Authorization", bearer(TestTenants.INITECH_KEY)).when().get("/api/v1/budgets/monthly")
                .then().statusCode(404);
        String jobF = job();
        reserve(jobF, MINI, 100_000_000).statusCode(200).body("decision", equalTo("reserved"))
                .body("reason", containsString("No budget")).body("remaining_usd", nullValue());
        release(jobF).statusCode(204);
    }

    @Test
    void anUnknownPriceReservesNothingAndSaysSo() {
        reserve(job(), "claude-x", 5_000_000).statusCode(200)
                .body("decision", equalTo("reserved"))
                .body("price_known", equalTo(false))
                .body("estimated_cost_usd", equalTo("0.00"))
                .body("reason", containsString("No training price is known for 'claude-x'"));
    }

    @Test
    void rejectsIncompleteRequestsAndUnauthenticatedCallers() {
        Map<String, Object> noModel = new HashMap<>(Map.of("job_id", job(), "estimated_trained_tokens", 10));
        asService(TestTenants.INITECH).body(noModel).when().post("/api/v1/budgets/reservations")
                .then().statusCode(400).body("detail", containsString("base_model"));
        asService(TestTenants.INITECH).body(Map.of("job_id", job(), "base_model", MINI, "estimated_trained_tokens", -1))
                .when().post("/api/v1/budgets/reservations")
                .then().statusCode(400).body("detail", containsString("estimated_trained_tokens"));
        given().header("Authorization", bearer(TestTenants.SERVICE_KEY)).contentType("application/json")
                .body(Map.of("job_id", job(), "base_model", MINI, "estimated_trained_tokens", 1))
                .when().post("/api/v1/budgets/reservations")
                .then().statusCode(401);
        // A tenant's own key works as well as the service key acting for it.
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("job_id", job(), "base_model", MINI, "estimated_trained_tokens", 1))
                .when().post("/api/v1/budgets/reservations")
                .then().statusCode(200).body("decision", equalTo("reserved"));
    }

    @Test
    void listsOpenReservationsPageByPage() {
        List<String> jobs = List.of(job(), job(), job());
        String pipeline = "pl_" + UUID.randomUUID().toString().substring(0, 8);
        jobs.forEach(j -> asService(TestTenants.ACME)
                .body(Map.of("job_id", j, "pipeline_id", pipeline, "base_model", MINI, "estimated_trained_tokens", 10))
                .when().post("/api/v1/budgets/reservations").then().statusCode(200));
        String after = given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParam("pipeline_id", pipeline).queryParam("limit", 2)
                .when().get("/api/v1/budgets/reservations")
                .then().statusCode(200).body("data.job_id", equalTo(jobs.subList(0, 2))).body("has_more", equalTo(true))
                .extract().path("next_after");
        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParam("pipeline_id", pipeline).queryParam("limit", 2).queryParam("after", after)
                .when().get("/api/v1/budgets/reservations")
                .then().statusCode(200).body("data.job_id", equalTo(jobs.subList(2, 3))).body("has_more", equalTo(false));
        assertThat(jobs).doesNotHaveDuplicates();
    }

    private static String job() {
        return "job_" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static RequestSpecification asService(String tenant) {
        return given().header("Authorization", bearer(TestTenants.SERVICE_KEY))
                .header(ServiceCredentials.TENANT_HEADER, tenant).contentType("application/json");
    }

    static ValidatableResponse reserve(String jobId, String baseModel, long tokens) {
        return asService(TestTenants.INITECH)
                .body(Map.of("job_id", jobId, "base_model", baseModel, "estimated_trained_tokens", tokens))
                .when().post("/api/v1/budgets/reservations").then();
    }

    private static ValidatableResponse release(String jobId) {
        return asService(TestTenants.INITECH).when().delete("/api/v1/budgets/reservations/" + jobId).then();
    }

    private static ValidatableResponse open() {
        return given().header("Authorization", bearer(TestTenants.INITECH_KEY)).queryParam("limit", 100)
                .when().get("/api/v1/budgets/reservations").then().statusCode(200);
    }
}
