package io.tuneforge.platform.inbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.probe.CuttableDatabase;
import io.tuneforge.testsupport.TcpProxy;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The database goes away while a consumer has an event to apply, and comes back: the event is applied
 * once, nothing is dead-lettered, readiness is DOWN meanwhile, and REST calls answer 503 with
 * Retry-After instead of 500. An event that fails on its own content is still dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(CuttableDatabase.class)
class InboxOutageTest {

    private static final String DLQ = "budget.restored.dlq";

    @Test
    void anEventArrivingDuringADatabaseOutageIsAppliedOnceWhenTheDatabaseIsBack() {
        // The application (and its consumer) is up and the database works.
        String warmUp = EntityIds.next("evt");
        TopicProbe.publishEvent(restored("warm-up"), warmUp, "acme");
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(warmUp) == 1);

        String eventId = EntityIds.next("evt");
        TcpProxy.cut(CuttableDatabase.NAME);
        try {
            TopicProbe.publishEvent(restored("during-outage"), eventId, "acme");

            // Well past the bounded retries a failing event gets (4 attempts within about 2 s here).
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                    .then().statusCode(503).body(containsString("inbox probe")));
            Instant heldSince = Instant.now();
            await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
            assertThat(Duration.between(heldSince, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(8));

            // A REST call that needs the database: a 503 saying so, with Retry-After, not a 500 "quote incident".
            given().get("/probe/applied/" + eventId)
                    .then().statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://tuneforge.io/problems/dependency-unavailable"))
                    .body("detail", containsString("the database is unavailable"));
        } finally {
            TcpProxy.restore(CuttableDatabase.NAME);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(eventId) == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        List<ConsumerRecord<String, String>> deadLetters = TopicProbe.readAll(DLQ, Duration.ofSeconds(3));
        assertThat(deadLetters).noneMatch(r -> eventId.equals(TopicProbe.header(r, "ce_id")));
    }

    @Test
    void anEventThatFailsOnItsOwnContentIsStillDeadLettered() {
        String eventId = EntityIds.next("evt");
        TopicProbe.publishEvent(restored("poison"), eventId, "acme");

        assertThat(TopicProbe.awaitRecord(DLQ, Duration.ofSeconds(60), r -> eventId.equals(TopicProbe.header(r, "ce_id"))))
                .hasValueSatisfying(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("poison"));
        assertThat(applied(eventId)).isZero();
    }

    private static long applied(String eventId) {
        return Long.parseLong(given().get("/probe/applied/" + eventId).then().statusCode(200).extract().asString().trim());
    }

    private static BudgetRestored restored(String reason) {
        return new BudgetRestored("bud_" + EntityIds.next("x"), null, "2026-12", "10.00", "1.00", reason, Instant.now());
    }
}
