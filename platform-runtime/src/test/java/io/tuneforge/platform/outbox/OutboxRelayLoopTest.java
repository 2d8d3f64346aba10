package io.tuneforge.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.loops.FatalErrors;
import io.tuneforge.platform.probe.CuttableDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The outbox relay is a loop of its own (a thread woken by commits), not a @Scheduled method: it is
 * supervised the same way. An Error in a pass halts the process; a pass that hangs turns liveness DOWN
 * until it moves again. The fault is planted in the relay thread's reading of the clock, the first
 * thing a pass does after taking its lock.
 */
@QuarkusTest
@QuarkusTestResource(CuttableDatabase.class)
class OutboxRelayLoopTest {

    private static final String RELAY_THREAD = "tuneforge-outbox-relay";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    private final List<String> halts = new CopyOnWriteArrayList<>();

    private final FaultyClock clock = new FaultyClock();

    @BeforeEach
    void plant() {
        QuarkusMock.installMockForType(new FatalErrors() {
            @Override
            public void halt(String why, Throwable cause) {
                halts.add(why);
            }
        }, FatalErrors.class);
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @AfterEach
    void heal() {
        clock.heal();
        relay.resume();
    }

    @Test
    void anErrorInARelayPassHaltsTheProcess() {
        relay.pause();
        publish("relay-error");
        clock.failWith(new StackOverflowError("planted in the relay pass"));
        relay.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> !halts.isEmpty());
        assertThat(halts.get(0)).contains("outbox-relay").contains("StackOverflowError");
    }

    @Test
    void aRelayPassThatHangsTurnsLivenessDownUntilItMovesAgain() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/live").then().statusCode(200));
        relay.pause();
        publish("relay-hang");
        clock.hang();
        relay.resume();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().get("/q/health/live")
                .then().statusCode(503).body(containsString("tuneforge-loops"), containsString("outbox-relay")));
        clock.heal();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/live")
                .then().body(not(containsString("outbox-relay"))));
        assertThat(halts).isEmpty();
    }

    private void publish(String reason) {
        String budget = "bud_" + EntityIds.next("x");
        QuarkusTransaction.requiringNew().run(() -> outbox.publish("acme",
                new BudgetRestored(budget, null, "2026-12", "10.00", "1.00", reason, Instant.now())));
    }

    /** The system clock, except on the relay's thread while a fault is planted. */
    static final class FaultyClock extends Clock {

        private volatile Error error;

        private volatile CountDownLatch hang;

        void failWith(Error planted) {
            error = planted;
        }

        void hang() {
            hang = new CountDownLatch(1);
        }

        void heal() {
            error = null;
            CountDownLatch held = hang;
            hang = null;
            if (held != null) {
                held.countDown();
            }
        }

        @Override
        public Instant instant() {
            if (RELAY_THREAD.equals(Thread.currentThread().getName())) {
                Error planted = error;
                if (planted != null) {
                    error = null; // once: the halt is recorded, not carried out, and the loop goes on
                    throw planted;
                }
                CountDownLatch held = hang;
                if (held != null) {
                    try {
                        held.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
