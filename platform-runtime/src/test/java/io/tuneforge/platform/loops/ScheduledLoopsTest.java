package io.tuneforge.platform.loops;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.platform.probe.CuttableDatabase;
import io.tuneforge.platform.probe.ProbeLoop;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** A @Scheduled method of a service is supervised without code of its own: it survives exceptions, halts on an Error, and turns liveness DOWN when it hangs. */
@QuarkusTest
@QuarkusTestResource(CuttableDatabase.class)
class ScheduledLoopsTest {

    @Inject
    ProbeLoop loop;

    private final List<String> halts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordHalts() {
        QuarkusMock.installMockForType(new FatalErrors() {
            @Override
            public void halt(String why, Throwable cause) {
                halts.add(why);
            }
        }, FatalErrors.class);
    }

    @AfterEach
    void back() {
        loop.release();
    }

    @Test
    void aLoopThatThrowsARuntimeExceptionKeepsRunningAndStaysLive() {
        loop.switchTo(ProbeLoop.Mode.THROW_RUNTIME_EXCEPTION);
        int before = loop.iterations();
        await().atMost(Duration.ofSeconds(30)).until(() -> loop.iterations() >= before + 6);
        given().get("/q/health/live").then().body(not(containsString("probe-loop")));
        assertThat(halts).isEmpty();
    }

    @Test
    void anErrorInALoopHaltsTheProcess() {
        loop.switchTo(ProbeLoop.Mode.THROW_ERROR);
        await().atMost(Duration.ofSeconds(30)).until(() -> !halts.isEmpty());
        assertThat(halts.get(0)).contains("probe-loop").contains("StackOverflowError");
        loop.release();
    }

    @Test
    void aLoopThatHangsTurnsLivenessDownUntilItRunsAgain() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/live").then().statusCode(200));
        loop.hangUntilReleased();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().get("/q/health/live")
                .then().statusCode(503).body(containsString("tuneforge-loops"), containsString("probe-loop")));
        loop.release();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/live")
                .then().body(not(containsString("probe-loop"))));
        assertThat(halts).isEmpty();
    }
}
