package io.tuneforge.simulator.limits;

import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Remembers successful responses to POSTs sent with an Idempotency-Key, per organization and path, so a
 * retried create returns the first result instead of creating (and billing) a second job.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final UsageStats stats;

    public IdempotencyKeys(SimulatorState state, SimulatorConfig config, UsageStats stats) {
        this.state = state;
        this.config = config;
        this.stats = stats;
    }

    public static String scope(String organization, String path, String key) {
        return organization + " POST " + path + " " + key;
    }

    public Optional<RememberedResponse> find(String scope) {
        RememberedResponse r = state.idempotency.get(scope);
        if (r != null && r.storedAt() < System.currentTimeMillis() - config.limits().idempotencyTtl().toMillis()) {
            state.idempotency.remove(scope);
            return Optional.empty();
        }
        if (r != null) {
            stats.replayed(scope);
        }
        return Optional.ofNullable(r);
    }

    public void remember(RememberedResponse response) {
        state.idempotency.put(response.key(), response);
        state.changed();
    }
}
