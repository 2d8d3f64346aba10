package io.tuneforge.platform.availability;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who in this process is currently waiting for a dependency to come back (a consumer pausing on a
 * lost database, for instance). While anyone waits, readiness is DOWN: the instance takes no new
 * traffic, but it is alive and must not be restarted, since it resumes by itself.
 */
@ApplicationScoped
public class DependencyOutages {

    private final Map<String, Outage> waiting = new ConcurrentHashMap<>();

    /** {@code who} (a consumer, a loop) waits for {@code dependency}; repeated calls keep the first start time. */
    public void waiting(String who, Dependency dependency, Throwable cause) {
        waiting.compute(who, (k, previous) -> new Outage(dependency,
                previous == null ? Instant.now() : previous.since(), String.valueOf(cause)));
    }

    /** {@code who} works again. */
    public void recovered(String who) {
        waiting.remove(who);
    }

    public boolean isWaiting(String who) {
        return waiting.containsKey(who);
    }

    public boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    HealthCheckResponse health() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("tuneforge-dependencies").status(waiting.isEmpty());
        waiting.forEach((who, outage) -> health.withData(who,
                outage.dependency().description() + " unavailable since " + outage.since() + ": " + outage.cause()));
        return health.build();
    }

    private record Outage(Dependency dependency, Instant since, String cause) {
    }
}
