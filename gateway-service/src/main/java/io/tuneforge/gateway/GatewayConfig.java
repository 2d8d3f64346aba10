package io.tuneforge.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** gateway-service's knobs ({@code tuneforge.gateway.*}); the README lists them with their variables. */
@ConfigMapping(prefix = "tuneforge.gateway")
public interface GatewayConfig {

    Rollouts rollouts();

    Usage usage();

    Quality quality();

    Capture capture();

    Fallback fallback();

    Limits limits();

    Budgets budgets();

    interface Budgets {
        /** How often every replica re-reads the hard-stopped budgets (another replica may have consumed the event). */
        @WithDefault("2s")
        Duration refreshEvery();
    }

    interface Fallback {
        /**
         * Tenant id to the base models it may call on the operator's fallback connection (exact ids, or prefixes ending
         * in {@code *}; {@code *} alone is every base model). A tenant without an entry cannot use the fallback at all.
         */
        Map<String, List<String>> grants();
    }

    interface Limits {
        /** Requests per minute per tenant when the tenant has no entry in {@link #tenants()}; 0 = unlimited. */
        @WithDefault("0")
        int defaultRequestsPerMinute();

        /** Tokens (prompt + completion, as the provider counted them) per minute per tenant; 0 = unlimited. */
        @WithDefault("0")
        long defaultTokensPerMinute();

        /** Per tenant id: its own limits. */
        Map<String, TenantLimits> tenants();

        interface TenantLimits {
            Optional<Integer> requestsPerMinute();

            Optional<Long> tokensPerMinute();
        }
    }

    interface Rollouts {
        /** How often every replica looks for rollout steps to decide (each rollout is leased to one replica at a time). */
        @WithDefault("5s")
        Duration checkEvery();

        /** How long after start the first check runs. */
        @WithDefault("2s")
        Duration initialDelay();

        /** How long a claimed rollout is held; longer than one decision takes, so two replicas never decide one step. */
        @WithDefault("30s")
        Duration lease();

        /** Candidate traffic percentages when a request names none. */
        @WithDefault("10,50,100")
        List<Integer> defaultSteps();

        /** Candidate requests a step needs before guards are judged and it may advance. */
        @WithDefault("100")
        int defaultMinRequests();

        /** How long a step lasts at least. */
        @WithDefault("5m")
        Duration defaultMinDuration();

        @WithDefault("0.05")
        double defaultMaxErrorRate();
    }

    interface Usage {
        /** How often closed per-minute windows are published as inference.usage. */
        @WithDefault("15s")
        Duration publishEvery();

        /** How long after a minute ends its window is still open to calls committing late. */
        @WithDefault("5s")
        Duration grace();
    }

    interface Quality {
        /** The window the negative share of feedback is computed over. */
        @WithDefault("1h")
        Duration window();

        /** Ratings the window needs before the guard judges. */
        @WithDefault("20")
        int minFeedback();

        /** The negative share at or above which quality.degraded is raised. */
        @WithDefault("0.3")
        double negativeRate();

        /** At most one quality.degraded per alias and model within this period. */
        @WithDefault("1h")
        Duration debounce();
    }

    interface Capture {
        /**
         * The largest exchange stored (the UTF-8 JSON of messages, tools and answer). Over it nothing is stored
         * and the call record says {@code too_large}: a captured exchange travels inside feedback.recorded, and
         * Kafka refuses records over the producer's {@code max.request.size} (1 MiB by default).
         */
        @WithDefault("256K")
        MemorySize maxSize();

        /** How often every replica deletes expired exchanges. */
        @WithDefault("10m")
        Duration purgeEvery();

        /** Rows per purge transaction: a large backlog is deleted in short transactions, not one long lock. */
        @WithDefault("500")
        int purgeBatch();
    }
}
