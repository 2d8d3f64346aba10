package io.tuneforge.training.provider;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An account's requests-per-minute, as a token bucket per account in this replica (with N replicas
 * an account may see up to N times its rate; the provider's own 429s still back everything off).
 * Over budget, a call is refused before it is sent, as a RATE_LIMITED {@link ProviderException}.
 */
final class RequestBudget {

    private record Bucket(double tokens, long atNanos) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    void acquire(ProviderConnection account) {
        int perMinute = account.requestsPerMinute();
        if (perMinute <= 0) {
            return;
        }
        double perNano = perMinute / 60e9;
        long now = System.nanoTime();
        boolean[] granted = {false};
        buckets.compute(account.accountId(), (id, b) -> {
            double tokens = b == null ? perMinute : Math.min(perMinute, b.tokens() + (now - b.atNanos()) * perNano);
            if (tokens >= 1) {
                granted[0] = true;
                return new Bucket(tokens - 1, now);
            }
            return new Bucket(tokens, now);
        });
        if (!granted[0]) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, 429, "account_requests_per_minute",
                    "account " + account.accountId() + " is at its requests_per_minute (" + perMinute + "); the call waits",
                    Duration.ofMillis((long) Math.ceil(60_000.0 / perMinute)), null);
        }
    }
}
