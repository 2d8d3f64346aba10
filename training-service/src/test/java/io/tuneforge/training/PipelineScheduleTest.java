package io.tuneforge.training;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.events.Topics;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** A pipeline on a cron schedule runs when it is due, but not while its tenant's budget is exceeded. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class PipelineScheduleTest {

    private static final String GLOBEX = TestTenants.GLOBEX_KEY;

    @Inject
    EntityManager em;

    @Test
    void malformedScheduleIsRefused() {
        given().header("Authorization", bearer(GLOBEX)).contentType(ContentType.JSON)
                .body(Map.of("name", "bad-cron", "dataset_id", "ds_x", "base_model", TrainingFixtures.BASE_MODEL, "account_id", "acct_x",
                        "schedule", "0 0 3 * * ?"))
                .when().post("/api/v1/pipelines").then().statusCode(400).body("errors.field", hasItem("schedule"));
    }

    @Test
    void dueScheduleRunsOnceTheBudgetHoldIsLifted() throws Exception {
        String dataset = validatedDataset(GLOBEX, 40, 91);
        TrainingFixtures.Account account = account(GLOBEX, 2);
        String name = "nightly-" + dataset;
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "dataset_id", dataset, "base_model", TrainingFixtures.BASE_MODEL,
                "account_id", account.id(), "hyperparameters", Map.of("n_epochs", 1), "auto_train", false, "debounce", "PT0S",
                "min_interval", "PT0S", "schedule", "0 3 * * *"));
        String pipelineId = given().header("Authorization", bearer(GLOBEX)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pipelines").then().statusCode(201).body("schedule", equalTo("0 3 * * *"))
                .extract().path("id");
        Instant firstRun = Instant.parse(given().header("Authorization", bearer(GLOBEX)).when().get("/api/v1/pipelines/" + name)
                .then().extract().path("next_run_at"));
        assertThat(firstRun).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));

        String budget = "bud_" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.publishEvent(new BudgetExceeded(budget, YearMonth.now(ZoneOffset.UTC).toString(), "5.00", "6.00", true, Instant.now(),
                null), "evt-" + UUID.randomUUID(), TestTenants.GLOBEX);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(GLOBEX))
                    .when().get("/api/v1/budget-holds").then().body("budget_id", hasItem(budget)));
            // 03:00 has come: the scheduled time is made due in the database rather than waited for.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update pipeline set next_run_at = ?1 where id = ?2")
                    .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, pipelineId).executeUpdate());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(GLOBEX))
                    .when().get("/api/v1/pipelines/" + name).then().body("pending_reason", equalTo("schedule")));
            Instant next = Instant.parse(given().header("Authorization", bearer(GLOBEX)).when().get("/api/v1/pipelines/" + name)
                    .then().extract().path("next_run_at"));
            assertThat(next).as("the next scheduled time").isAfter(Instant.now());
            Thread.sleep(2000);
            assertThat(runs(name)).as("held while the tenant is over budget").isEmpty();
        } finally {
            given().header("Authorization", bearer(GLOBEX)).when().delete("/api/v1/budget-holds/" + budget);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runs(name)).hasSize(1));
        Map<String, Object> run = runs(name).get(0);
        assertThat(run.get("reason")).isEqualTo("schedule");
        assertThat((String) run.get("detail")).contains("0 3 * * *");
        String jobId = (String) run.get("job_id");
        assertThat(TopicProbe.awaitRecord(Topics.RETRAINING_REQUESTED, Duration.ofSeconds(30), r -> r.value().contains(jobId)))
                .hasValueSatisfying(r -> assertThat(r.value()).contains("\"trigger\":\"schedule\""));
        given().header("Authorization", bearer(GLOBEX)).when().get("/api/v1/pipelines/" + name + "/runs").then().body("$", hasSize(1));
    }

    private static List<Map<String, Object>> runs(String pipeline) {
        return given().header("Authorization", bearer(GLOBEX)).when().get("/api/v1/pipelines/" + pipeline + "/runs")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
