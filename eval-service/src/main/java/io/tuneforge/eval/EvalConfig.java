package io.tuneforge.eval;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * eval-service's own knobs ({@code tuneforge.eval.*}); the README lists them with their variables. The provider
 * connection ({@code tuneforge.provider.*}) is provider-accounts' mapping, cost-service's address the REST client's
 * ({@code quarkus.rest-client.cost-service.*}).
 */
@ConfigMapping(prefix = "tuneforge.eval")
public interface EvalConfig {

    /** dataset-service, where held-out splits are streamed from on the tenant's behalf. */
    String datasetServiceUrl();

    /** Per request to dataset-service (a split is streamed within it). */
    @WithDefault("60s")
    Duration datasetServiceTimeout();

    /** 5xx or timeouts of one sample within one execution before it is recorded as an error instead of retried. */
    @WithDefault("5")
    int maxTransientFailures();

    Provider provider();

    Worker worker();

    interface Provider {
        /** Completion cap per call; generous, since a truncated answer is scored as wrong and badly formatted. */
        @WithDefault("2048")
        long maxTokens();
    }

    interface Worker {
        /** {@code false}: this replica runs no evaluations (an API-only replica, or a test driving runs itself). */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for runs (read by the scheduler's expression, declared here to document it). */
        @WithDefault("2s")
        Duration poll();

        /** How long after start the worker first looks. */
        @WithDefault("2s")
        Duration initialDelay();

        /** How long a claimed run is held without progress before another worker may resume it. */
        @WithDefault("60s")
        Duration lease();
    }
}
