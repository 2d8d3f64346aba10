package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.awaitState;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.state;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A pipeline's budget holds only that pipeline's jobs, and budget.restored releases them with no human step. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class BudgetScopeTest {

    private static final String INITECH = TestTenants.INITECH_KEY;

    @Test
    void pipelineBudgetHoldsOnlyItsJobsUntilRestored() {
        String dataset = validatedDataset(INITECH, 40, 71);
        TrainingFixtures.Account account = account(INITECH, 3);
        String name = "budgeted-" + dataset;
        String pipelineId = given().header("Authorization", bearer(INITECH)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "dataset_id", dataset, "base_model", TrainingFixtures.BASE_MODEL, "account_id", account.id(),
                        "hyperparameters", Map.of("n_epochs", 1), "auto_train", false))
                .when().post("/api/v1/pipelines").then().statusCode(201).extract().path("id");
        String budget = "bud_" + UUID.randomUUID().toString().substring(0, 8);
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        TopicProbe.publishEvent(new BudgetExceeded(budget, month, "10.00", "12.50", true, Instant.now(), pipelineId),
                "evt-" + UUID.randomUUID(), TestTenants.INITECH);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(INITECH))
                    .when().get("/api/v1/budget-holds").then().statusCode(200).body("budget_id", hasItem(budget))
                    .body("pipeline_id", hasItem(pipelineId)));

            String held = given().header("Authorization", bearer(INITECH)).when().post("/api/v1/pipelines/" + name + "/runs")
                    .then().statusCode(201).extract().path("job_id");
            String direct = createJob(INITECH, job(dataset, account.id(), Map.of("n_epochs", 1)));
            given().header("Authorization", bearer(INITECH)).when().get("/api/v1/jobs/" + held).then()
                    .body("state", equalTo("waiting_for_budget")).body("budget.reason", containsString(budget));
            awaitState(INITECH, direct, "succeeded", Duration.ofSeconds(90));
            assertThat(state(INITECH, held)).as("the pipeline's job is still held").isEqualTo("waiting_for_budget");

            TopicProbe.publishEvent(new BudgetRestored(budget, pipelineId, month, "20.00", "12.50", "limit_raised", Instant.now()),
                    "evt-" + UUID.randomUUID(), TestTenants.INITECH);
            awaitState(INITECH, held, "succeeded", Duration.ofSeconds(90));
            given().header("Authorization", bearer(INITECH)).when().get("/api/v1/budget-holds").then()
                    .body("budget_id", not(hasItem(budget)));
        } finally {
            given().header("Authorization", bearer(INITECH)).when().delete("/api/v1/budget-holds/" + budget);
        }
    }
}
