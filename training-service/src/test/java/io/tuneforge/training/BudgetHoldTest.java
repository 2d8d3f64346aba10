package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class BudgetHoldTest {

    private static final String ACME = TestTenants.ACME_KEY;

    @Test
    void exceededHardStopBudgetHoldsJobsUntilLifted() throws Exception {
        String dataset = validatedDataset(ACME, 40, 41);
        TrainingFixtures.Account account = account(ACME, 2);
        String budget = "bud_" + UUID.randomUUID().toString().substring(0, 8);
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        TopicProbe.publishEvent(new BudgetExceeded(budget, month, "100.00", "120.00", true, Instant.now(), null), "evt-" + UUID.randomUUID(),
                TestTenants.ACME);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(ACME))
                    .when().get("/api/v1/budget-holds").then().statusCode(200).body("budget_id", hasItem(budget)));
            String jobId = createJob(ACME, job(dataset, account.id(), Map.of("n_epochs", 1)));
            assertThat(state(ACME, jobId)).isEqualTo("waiting_for_budget");
            Thread.sleep(3000);
            assertThat(state(ACME, jobId)).as("held while over budget").isEqualTo("waiting_for_budget");
            given().header("Authorization", bearer(ACME)).when().delete("/api/v1/budget-holds/" + budget).then().statusCode(204);
            awaitState(ACME, jobId, "succeeded", Duration.ofSeconds(90));
        } finally {
            given().header("Authorization", bearer(ACME)).when().delete("/api/v1/budget-holds/" + budget);
        }
    }

    @Test
    void anExcessThatArrivesAfterItsRestoreHoldsNothing() {
        // budget.exceeded and budget.restored are on different topics: the restore may be consumed first.
        String budget = "bud_" + UUID.randomUUID().toString().substring(0, 8);
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        Instant crossed = Instant.now().minusSeconds(2);
        TopicProbe.publishEvent(new BudgetRestored(budget, null, month, "500.00", "120.00", "limit_raised", crossed.plusSeconds(1)),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);
        TopicProbe.publishEvent(new BudgetExceeded(budget, month, "100.00", "120.00", true, crossed, null), "evt-" + UUID.randomUUID(),
                TestTenants.ACME);
        String later = "evt-" + UUID.randomUUID();
        // A later excess of the same budget (crossed after the restore) holds again.
        TopicProbe.publishEvent(new BudgetExceeded(budget, month, "500.00", "510.00", true, crossed.plusSeconds(2), null), later,
                TestTenants.ACME);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(ACME))
                    .when().get("/api/v1/budget-holds").then().statusCode(200).body("budget_id", hasItem(budget))
                    .body("find { it.budget_id == '" + budget + "' }.limit_usd", org.hamcrest.Matchers.equalTo("500.00")));
        } finally {
            given().header("Authorization", bearer(ACME)).when().delete("/api/v1/budget-holds/" + budget);
        }
    }
}
