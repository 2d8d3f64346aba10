package io.tuneforge.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A loop survives a failing iteration, an Error stops the process, and a hang turns liveness DOWN. */
class LoopsTest {

    /** Records the exit instead of ending the test JVM. */
    static final class RecordingHalt extends Halt {
        final AtomicReference<Integer> status = new AtomicReference<>();

        @Override
        public void halt(int code) {
            status.set(code);
        }
    }

    private final RecordingHalt halt = new RecordingHalt();
    private final ScheduledExecutorService executor = SimulatorLoops.executor("test-loop");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void anExceptionEndsOneIterationAndTheNextOnesRun() {
        SimulatorLoops loops = new SimulatorLoops(halt);
        AtomicInteger runs = new AtomicInteger();
        loops.every(executor, "flaky", Duration.ofMillis(5), Duration.ofSeconds(30), () -> {
            if (runs.incrementAndGet() <= 3) {
                throw new IllegalStateException("iteration " + runs.get() + " fails");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() > 10);
        assertThat(loops.status().get("flaky").failures()).isEqualTo(3);
        assertThat(halt.status.get()).isNull();
        assertThat(new LoopsLiveness(loops).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anErrorHaltsTheProcessInsteadOfEndingTheScheduleSilently() {
        SimulatorLoops loops = new SimulatorLoops(halt);
        loops.every(executor, "job-runner", Duration.ofMillis(5), Duration.ofSeconds(30), () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> halt.status.get() != null);
        assertThat(halt.status.get()).isEqualTo(Halt.EXIT_CODE);
    }

    @Test
    void aLoopThatStopsCompletingIterationsTurnsLivenessDown() {
        MutableClock clock = new MutableClock();
        SimulatorLoops loops = new SimulatorLoops(halt, clock);
        Runnable iteration = loops.iteration("job-runner", () -> { });
        loops.every(executor, "job-runner", Duration.ofHours(1), Duration.ofSeconds(60), () -> { });
        iteration.run();
        assertThat(new LoopsLiveness(loops).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        clock.advance(Duration.ofSeconds(61)); // the loop hangs: no iteration completes
        HealthCheckResponse down = new LoopsLiveness(loops).call();
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(down.getData().orElseThrow().get("job-runner").toString()).startsWith("stuck for");

        iteration.run();
        assertThat(new LoopsLiveness(loops).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
