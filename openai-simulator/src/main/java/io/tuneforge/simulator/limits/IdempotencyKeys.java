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
        if (state.idempotency.size() > config.limits().maxIdempotencyKeys()) {
            prune();
        }
        state.changed();
    }

    /**
     * Forgets expired keys and, past {@code limits.max-idempotency-keys}, the oldest ones: every POST may
     * carry a key, so without this the map grows with traffic.
     */
    public synchronized int prune() {
        int before = state.idempotency.size();
        long expired = System.currentTimeMillis() - config.limits().idempotencyTtl().toMillis();
        state.idempotency.values().removeIf(r -> r.storedAt() < expired);
        // Down to 90 % of the cap, so that a full map is not sorted again on every new key.
        int max = config.limits().maxIdempotencyKeys();
        int excess = state.idempotency.size() > max ? state.idempotency.size() - max * 9 / 10 : 0;
        if (excess > 0) {
            state.idempotency.values().stream().sorted(java.util.Comparator.comparingLong(RememberedResponse::storedAt)).limit(excess)
                    .toList().forEach(r -> state.idempotency.remove(r.key()));
        }
        int removed = before - state.idempotency.size();
        if (removed > 0) {
            state.changed();
        }
        return removed;
    }
}
