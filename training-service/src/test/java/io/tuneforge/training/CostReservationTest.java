package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.awaitState;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Each job's estimated cost is reserved at cost-service (here a fake of its contract) before it takes a provider slot. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
@QuarkusTestResource(value = FakeCostService.class, restrictToAnnotatedClass = true)
class CostReservationTest {

    @Test
    void reservedJobRunsWithItsEstimateReserved() {
        String dataset = validatedDataset(TestTenants.ACME_KEY, 40, 81);
        TrainingFixtures.Account account = account(TestTenants.ACME_KEY, 2);
        mode(TestTenants.ACME, "reserved");
        String jobId = createJob(TestTenants.ACME_KEY, job(dataset, account.id(), Map.of("n_epochs", 2)));
        awaitState(TestTenants.ACME_KEY, jobId, "succeeded", Duration.ofSeconds(90));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/jobs/" + jobId).then()
                .body("budget.reservation_id", equalTo("res_" + jobId));
        Number billable = given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("dataset_id", dataset)
                .when().get("/api/v1/training-data").then().extract().path("[0].billable_tokens");
        Map<String, Object> asked = requestsFor(jobId).get(0);
        assertThat(asked).containsEntry("tenant", TestTenants.ACME).containsEntry("authorization", "Bearer " + TestTenants.SERVICE_KEY)
                .containsEntry("base_model", TrainingFixtures.BASE_MODEL).containsEntry("pipeline_id", null);
        assertThat(((Number) asked.get("estimated_trained_tokens")).longValue()).isEqualTo(2 * billable.longValue());
    }

    @Test
    void heldJobWaitsWithTheReasonUntilTheBudgetIsRestored() {
        String dataset = validatedDataset(TestTenants.GLOBEX_KEY, 40, 82);
        TrainingFixtures.Account account = account(TestTenants.GLOBEX_KEY, 2);
        mode(TestTenants.GLOBEX, "held");
        String jobId = createJob(TestTenants.GLOBEX_KEY, job(dataset, account.id(), Map.of("n_epochs", 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(TestTenants.GLOBEX_KEY))
                .when().get("/api/v1/jobs/" + jobId).then().body("state", equalTo("waiting_for_budget"))
                .body("budget.reason", containsString("1.00 USD left")));
        mode(TestTenants.GLOBEX, "reserved");
        // The re-check interval is 10 minutes here: only budget.restored can release the job in time.
        TopicProbe.publishEvent(new BudgetRestored("bud_fake", null, YearMonth.now(ZoneOffset.UTC).toString(), "50.00", "9.00",
                "limit_raised", Instant.now()), "evt-" + UUID.randomUUID(), TestTenants.GLOBEX);
        awaitState(TestTenants.GLOBEX_KEY, jobId, "succeeded", Duration.ofSeconds(90));
        assertThat(requestsFor(jobId)).extracting(r -> r.get("mode")).containsExactly("held", "reserved");
    }

    @Test
    void unreachableCostServiceKeepsTheJobWaitingAndIsRetried() {
        String dataset = validatedDataset(TestTenants.INITECH_KEY, 40, 83);
        TrainingFixtures.Account account = account(TestTenants.INITECH_KEY, 2);
        mode(TestTenants.INITECH, "error");
        String jobId = createJob(TestTenants.INITECH_KEY, job(dataset, account.id(), Map.of("n_epochs", 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().header("Authorization", bearer(TestTenants.INITECH_KEY)).when().get("/api/v1/jobs/" + jobId).then()
                    .body("state", equalTo("waiting_for_budget")).body("budget.reason", containsString("503"))
                    .body("advisories.code", hasItem("budget_check_unavailable"));
            assertThat(requestsFor(jobId)).as("retried with backoff").hasSizeGreaterThanOrEqualTo(2);
        });
        mode(TestTenants.INITECH, "reserved");
        awaitState(TestTenants.INITECH_KEY, jobId, "succeeded", Duration.ofSeconds(90));
        given().header("Authorization", bearer(TestTenants.INITECH_KEY)).when().get("/api/v1/jobs/" + jobId).then()
                .body("advisories.code", not(hasItem("budget_check_unavailable")));
    }

    private static String costUrl() {
        return ConfigProvider.getConfig().getValue("tuneforge.training.cost.url", String.class);
    }

    private static void mode(String tenant, String mode) {
        given().baseUri(costUrl()).queryParam("tenant", tenant).queryParam("mode", mode).when().post("/control/mode")
                .then().statusCode(204);
    }

    private static List<Map<String, Object>> requestsFor(String jobId) {
        List<Map<String, Object>> all = given().baseUri(costUrl()).when().get("/control/requests").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(r -> jobId.equals(r.get("job_id"))).toList();
    }
}
