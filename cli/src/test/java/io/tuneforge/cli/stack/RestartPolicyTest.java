package io.tuneforge.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aChildThatDiesAfterItWasReadyIsAlwaysRestartedWithADelayThatDoublesUpToAMinute() {
        RestartPolicy.Life life = new RestartPolicy.Life();
        Instant now = t0;
        for (Duration expected : new Duration[] {Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(12),
                Duration.ofSeconds(24), Duration.ofSeconds(48), Duration.ofSeconds(60), Duration.ofSeconds(60)}) {
            life.ready(now);
            now = now.plusSeconds(10);
            assertThat(life.died(now)).contains(expected);
        }
    }

    @Test
    void theDelayGoesBackToThreeSecondsOnceTheChildStayedReadyForTwoMinutes() {
        RestartPolicy.Life life = new RestartPolicy.Life();
        life.ready(t0);
        life.died(t0.plusSeconds(5));
        life.ready(t0.plusSeconds(10));
        assertThat(life.died(t0.plusSeconds(20))).contains(Duration.ofSeconds(6));
        life.ready(t0.plusSeconds(30));
        assertThat(life.died(t0.plusSeconds(30).plus(RestartPolicy.STABLE))).contains(Duration.ofSeconds(3));
    }

    @Test
    void aChildThatNeverGetsReadyIsGivenUpAfterThreeStartsInARow() {
        RestartPolicy.Life life = new RestartPolicy.Life();
        assertThat(life.died(t0)).contains(Duration.ofSeconds(3));
        assertThat(life.died(t0.plusSeconds(10))).contains(Duration.ofSeconds(6));
        assertThat(life.died(t0.plusSeconds(30))).isEmpty();
    }

    @Test
    void beingReadyOnceClearsTheFailedStarts() {
        RestartPolicy.Life life = new RestartPolicy.Life();
        life.died(t0);
        life.died(t0.plusSeconds(5));
        life.ready(t0.plusSeconds(20));
        assertThat(life.died(t0.plusSeconds(25))).isPresent();
        assertThat(life.failedStarts()).isZero();
    }
}
