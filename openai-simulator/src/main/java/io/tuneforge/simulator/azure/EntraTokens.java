package io.tuneforge.simulator.azure;

import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.storage.Identifiers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the simulated Microsoft Entra ID, issued for client credentials with the management
 * scope. Any non-empty client id and secret are accepted (like API keys); a token is valid until it expires.
 * In memory only: after a restart a client gets 401 and asks for a new token, as it must handle anyway.
 */
@ApplicationScoped
public class EntraTokens {

    public static final String MANAGEMENT_SCOPE = "https://management.azure.com/.default";
    private static final int MAX_TOKENS = 10_000;

    private final SimulatorConfig config;
    private final AzureClock clock;
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    public EntraTokens(SimulatorConfig config, AzureClock clock) {
        this.config = config;
        this.clock = clock;
    }

    public String issue() {
        if (expiries.size() >= MAX_TOKENS) {
            prune();
        }
        // Opaque to clients, as they must treat it; shaped like a JWT (three dot-separated parts).
        String token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0." + Identifiers.random(48) + "." + Identifiers.random(43);
        expiries.put(token, clock.now() + config.azure().tokenLifetime().toMillis());
        return token;
    }

    public long lifetimeSeconds() {
        return config.azure().tokenLifetime().toSeconds();
    }

    public boolean valid(String token) {
        Long expiry = token == null ? null : expiries.get(token);
        return expiry != null && expiry > clock.now();
    }

    public void prune() {
        long now = clock.now();
        expiries.values().removeIf(e -> e <= now);
    }
}
