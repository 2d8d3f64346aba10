package io.tuneforge.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.probe.CuttableDatabase;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay and the inbox together, against the real broker and database: an event committed
 * but not yet sent when the relay stops is sent once it runs again, with its id; one sent but not
 * marked (a crash after the broker's ack) is sent again with the same id and applied once; events of
 * one key keep their order.
 */
@QuarkusTest
@QuarkusTestResource(CuttableDatabase.class)
class OutboxRelayTest {

    private static final String TOPIC = "budget.restored";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @AfterEach
    void relayOn() {
        relay.resume();
    }

    @Test
    void anEventCommittedWhileTheRelayIsStoppedIsSentWhenItRunsAgain() {
        relay.pause();
        String budget = "bud_" + EntityIds.next("x");
        String eventId = QuarkusTransaction.requiringNew().call(() -> outbox.publish("acme", restored(budget, "crash-before-send")));

        assertThat(TopicProbe.awaitRecord(TOPIC, Duration.ofSeconds(3), r -> eventId.equals(TopicProbe.header(r, "ce_id")))).isEmpty();
        relay.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> records(eventId).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId) == 1);
        assertThat(records(eventId, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void anEventSentButNotMarkedIsSentAgainWithItsIdAndAppliedOnce() {
        String budget = "bud_" + EntityIds.next("x");
        String eventId = QuarkusTransaction.requiringNew().call(() -> outbox.publish("acme", restored(budget, "crash-after-ack")));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId) == 1);

        // As if the relay had crashed after the broker's ack, before marking the row published.
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update OutboxEvent e set e.publishedAt = null where e.eventId = :id")
                .setParameter("id", eventId).executeUpdate());
        relay.relayPending();

        await().atMost(Duration.ofSeconds(30)).until(() -> records(eventId).size() == 2);
        // The consumer has seen the second copy too (a later event behind it is applied), and dropped it.
        String later = QuarkusTransaction.requiringNew().call(() -> outbox.publish("acme", restored(budget, "after-duplicate")));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(later) == 1);
        assertThat(applied(eventId)).isEqualTo(1);
    }

    @Test
    void eventsOfOneKeyArriveInTheOrderTheyWereCommitted() {
        String budget = "bud_" + EntityIds.next("x");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String reason = "step-" + i;
            ids.add(QuarkusTransaction.requiringNew().call(() -> outbox.publish("acme", restored(budget, reason))));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> keyed(budget).size() == ids.size());
        assertThat(keyed(budget)).extracting(r -> TopicProbe.header(r, "ce_id")).containsExactlyElementsOf(ids);
    }

    private static List<ConsumerRecord<String, String>> records(String eventId) {
        return TopicProbe.readAll(TOPIC).stream().filter(r -> eventId.equals(TopicProbe.header(r, "ce_id"))).toList();
    }

    private static List<ConsumerRecord<String, String>> records(String eventId, Duration wait) {
        return TopicProbe.readAll(TOPIC, wait).stream().filter(r -> eventId.equals(TopicProbe.header(r, "ce_id"))).toList();
    }

    private static List<ConsumerRecord<String, String>> keyed(String key) {
        return TopicProbe.readAll(TOPIC).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static long applied(String eventId) {
        return Long.parseLong(given().get("/probe/applied/" + eventId).then().statusCode(200).extract().asString().trim());
    }

    private static BudgetRestored restored(String budget, String reason) {
        return new BudgetRestored(budget, null, "2026-12", "10.00", "1.00", reason, Instant.now());
    }
}
