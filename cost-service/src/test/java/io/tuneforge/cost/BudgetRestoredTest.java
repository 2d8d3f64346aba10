package io.tuneforge.cost;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.cost.budget.NewMonthCheck;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.Topics;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static io.tuneforge.cost.CostEvents.finishJob;
import static io.tuneforge.cost.CostEvents.newId;
import static io.tuneforge.cost.PipelineBudgetTest.reserve;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * budget.restored goes out once when an exceeded hard-stop budget stops holding jobs, whatever stopped
 * it: a raised limit, hard stop turned off, the budget deleted, or a new month (claimed in the
 * database, so two replicas checking at once announce it once).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class BudgetRestoredTest {

    @Inject
    NewMonthCheck newMonthCheck;

    @Inject
    EntityManager em;

    @Test
    void raisingTheLimitRestoresOnceAndTheHeldJobIsReserved() {
        String pipeline = newId("pl");
        String budgetId = put(pipeline, Map.of("monthly_limit_usd", "1.00")).extract().path("budget_id");
        finishJob(TestTenants.ACME, TestTenants.ACME_KEY, newId("job"), pipeline, 200_000);
        awaitOne(Topics.BUDGET_EXCEEDED, budgetId);
        String held = newId("job");
        reserve(held, pipeline, 20_000).body("decision", equalTo("held")).body("budget_id", equalTo(budgetId));

        put(pipeline, Map.of("monthly_limit_usd", "2.00")).body("status", equalTo("ok"));
        BudgetRestored restored = EventCodec.read(awaitOne(Topics.BUDGET_RESTORED, budgetId).value(), BudgetRestored.class);
        assertThat(restored.reason()).isEqualTo("limit_raised");
        assertThat(restored.pipelineId()).isEqualTo(pipeline);
        assertThat(restored.limitUsd()).isEqualTo("2.00");
        assertThat(restored.spentUsd()).isEqualTo("1.00");
        assertThat(restored.month()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());

        // Raising it again while the held job still waits announces it again (that job may fit now);
        // once no job waits on the budget, raising it announces nothing.
        put(pipeline, Map.of("monthly_limit_usd", "3.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reasonsNow(budgetId).size() == 2);
        reserve(held, pipeline, 20_000).body("decision", equalTo("reserved"));
        put(pipeline, Map.of("monthly_limit_usd", "4.00"));
        assertThat(reasons(budgetId)).containsExactly("limit_raised", "limit_raised");
    }

    @Test
    void aJobHeldByItsEstimateIsAnnouncedWhenTheBudgetIsLoosenedThoughItWasNeverExceeded() {
        String pipeline = newId("pl");
        String budgetId = put(pipeline, Map.of("monthly_limit_usd", "0.01")).extract().path("budget_id");
        String held = newId("job");
        reserve(held, pipeline, 2_000_000).body("decision", equalTo("held")).body("budget_id", equalTo(budgetId));

        // Lowering or keeping the limit frees nothing: no announcement.
        put(pipeline, Map.of("monthly_limit_usd", "0.01"));
        assertThat(reasons(budgetId)).isEmpty();

        put(pipeline, Map.of("monthly_limit_usd", "1000.00"));
        BudgetRestored restored = EventCodec.read(awaitOne(Topics.BUDGET_RESTORED, budgetId).value(), BudgetRestored.class);
        assertThat(restored.reason()).isEqualTo("limit_raised");
        assertThat(restored.spentUsd()).isEqualTo("0.00");
        reserve(held, pipeline, 2_000_000).body("decision", equalTo("reserved"));

        // Another held job, then the budget is deleted: announced as well.
        put(pipeline, Map.of("monthly_limit_usd", "0.01"));
        reserve(newId("job"), pipeline, 2_000_000).body("decision", equalTo("held"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().delete("/api/v1/budgets/pipelines/" + pipeline)
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> reasonsNow(budgetId).size() == 2);
        assertThat(reasons(budgetId)).containsExactly("limit_raised", "budget_deleted");
    }

    @Test
    void turningHardStopOffAndDeletingTheBudgetEachRestoreTheirExcessOnce() {
        String pipeline = newId("pl");
        String budgetId = put(pipeline, Map.of("monthly_limit_usd", "0.50")).extract().path("budget_id");
        finishJob(TestTenants.ACME, TestTenants.ACME_KEY, newId("job"), pipeline, 100_000);
        awaitOne(Topics.BUDGET_EXCEEDED, budgetId);

        put(pipeline, Map.of("monthly_limit_usd", "0.50", "hard_stop", false));
        awaitOne(Topics.BUDGET_RESTORED, budgetId);
        // Hard stop back on while over the limit: it holds again, and says so again.
        put(pipeline, Map.of("monthly_limit_usd", "0.50", "hard_stop", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.readAll(Topics.BUDGET_EXCEEDED)
                .stream().filter(r -> budgetId.equals(r.key())).count() == 2);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().delete("/api/v1/budgets/pipelines/" + pipeline)
                .then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> reasonsNow(budgetId).size() == 2);
        assertThat(reasons(budgetId)).containsExactly("hard_stop_disabled", "budget_deleted");
        BudgetRestored deleted = restoredOf(budgetId, TopicProbe.readAll(Topics.BUDGET_RESTORED)).get(1);
        assertThat(deleted.limitUsd()).as("a deleted budget has no limit").isNull();
        assertThat(deleted.spentUsd()).isEqualTo("0.50");
    }

    @Test
    void aNewMonthRestoresAnEarlierMonthsExcessOnceEvenWhenTwoReplicasCheckAtOnce() {
        String pipeline = newId("pl");
        String budgetId = put(pipeline, Map.of("monthly_limit_usd", "5.00")).extract().path("budget_id");
        String earlier = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        // The budget was exceeded last month (its spend then is not this test's concern, only the open excess).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into budget_alert (budget_id, month, level, limit_usd, spent_usd, raised_at)
                        values (:budget, :month, 'exceeded', 5.00, 5.00, :at)""")
                .setParameter("budget", budgetId).setParameter("month", earlier).setParameter("at", Instant.now())
                .executeUpdate());

        CompletableFuture<Integer> replicaA = CompletableFuture.supplyAsync(newMonthCheck::run);
        CompletableFuture<Integer> replicaB = CompletableFuture.supplyAsync(newMonthCheck::run);
        assertThat(replicaA.join() + replicaB.join()).as("announced by at most one replica (or the scheduled run)")
                .isLessThanOrEqualTo(1);
        BudgetRestored restored = EventCodec.read(awaitOne(Topics.BUDGET_RESTORED, budgetId).value(), BudgetRestored.class);
        assertThat(restored.reason()).isEqualTo("new_month");
        assertThat(restored.month()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(restored.spentUsd()).isEqualTo("0.00");
        assertThat(newMonthCheck.run()).isZero();
        assertThat(reasons(budgetId)).containsExactly("new_month");
    }

    private static ValidatableResponse put(String pipeline, Map<String, ?> body) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(body)
                .when().put("/api/v1/budgets/pipelines/" + pipeline).then().statusCode(200);
    }

    private static ConsumerRecord<String, String> awaitOne(String topic, String budgetId) {
        return TopicProbe.awaitRecord(topic, Duration.ofSeconds(30), r -> budgetId.equals(r.key()))
                .orElseThrow(() -> new AssertionError("no " + topic + " for " + budgetId));
    }

    /** What is on the topic for the budget and what arrives within 2 s more: for "announced once", "nothing more". */
    private static List<BudgetRestored> restoredOf(String budgetId) {
        return restoredOf(budgetId, TopicProbe.readAll(Topics.BUDGET_RESTORED, Duration.ofSeconds(2)));
    }

    private static List<BudgetRestored> restoredOf(String budgetId, List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> budgetId.equals(r.key())).map(r -> EventCodec.read(r.value(), BudgetRestored.class)).toList();
    }

    private static List<String> reasons(String budgetId) {
        return restoredOf(budgetId).stream().map(BudgetRestored::reason).toList();
    }

    /** The reasons on the topic now, without a window: for polling until they are there. */
    private static List<String> reasonsNow(String budgetId) {
        return restoredOf(budgetId, TopicProbe.readAll(Topics.BUDGET_RESTORED)).stream().map(BudgetRestored::reason).toList();
    }
}
