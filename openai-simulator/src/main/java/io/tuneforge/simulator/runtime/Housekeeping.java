package io.tuneforge.simulator.runtime;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.files.UploadSessions;
import io.tuneforge.simulator.limits.IdempotencyKeys;
import io.tuneforge.simulator.limits.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Forgets what only traffic makes grow, so memory and disk stay bounded in a long run: expired
 * Idempotency-Keys (and the oldest past the cap), empty rate-limit windows, abandoned uploads' parts.
 */
@ApplicationScoped
public class Housekeeping {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    private final SimulatorLoops loops;
    private final IdempotencyKeys keys;
    private final RateLimiter limiter;
    private final UploadSessions uploads;
    private final SimulatorConfig config;
    private ScheduledExecutorService executor;

    public Housekeeping(SimulatorLoops loops, IdempotencyKeys keys, RateLimiter limiter, UploadSessions uploads, SimulatorConfig config) {
        this.loops = loops;
        this.keys = keys;
        this.limiter = limiter;
        this.uploads = uploads;
        this.config = config;
    }

    void start(@Observes StartupEvent start) {
        executor = SimulatorLoops.executor("housekeeping");
        Duration stale = config.loopStaleAfter().compareTo(INTERVAL.multipliedBy(3)) > 0 ? config.loopStaleAfter() : INTERVAL.multipliedBy(3);
        loops.every(executor, "housekeeping", INTERVAL, stale, this::sweep);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public void sweep() {
        keys.prune();
        limiter.prune();
        uploads.expireAbandoned();
    }
}
