package io.tuneforge.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every knob of training-service; README lists each with its environment variable. */
@ConfigMapping(prefix = "tuneforge.training")
public interface TrainingConfig {

    /** Base64 of 32 random bytes: the AES-256-GCM key that seals provider API keys at rest. */
    Optional<String> secretKey();

    /** Where dataset-service answers (train/validation splits are streamed from it). */
    @WithDefault("http://127.0.0.1:8081")
    String datasetServiceUrl();

    Scheduler scheduler();

    Provider provider();

    Monitoring monitoring();

    Jobs jobs();

    Accounts accounts();

    Cost cost();

    interface Jobs {
        /** How long an Idempotency-Key of POST /api/v1/jobs returns the job it first created (OpenAI keeps keys 24 h). */
        @WithDefault("24h")
        Duration idempotencyRetention();
    }

    /** Which provider base URLs tenants may set on their accounts (the account's API key is sent there). */
    interface Accounts {
        /** Provider hosts, exact or {@code *.suffix}; https only, and never resolving to an internal address. */
        @WithDefault("api.openai.com,*.openai.azure.com,*.cognitiveservices.azure.com")
        List<String> allowedHosts();

        /** More host patterns the operator allows (an OpenAI-compatible provider of theirs). */
        Optional<List<String>> extraHosts();

        /**
         * Origins (scheme://host:port, given as URLs) allowed as they are, http and internal addresses included:
         * the operator's own endpoints, e.g. the local stack's simulator. Defaults to OPENAI_BASE_URL's origin.
         */
        Optional<List<String>> allowedOrigins();
    }

    interface Scheduler {
        /** How often a replica admits waiting jobs and drives due ones. */
        @WithDefault("1s")
        String interval();

        /** Wait after start before the first tick. */
        @WithDefault("2s")
        String initialDelay();

        /** Threads per replica that drive jobs (provider calls, uploads) in parallel. */
        @WithDefault("4")
        int workers();

        /** Jobs one tenant may have on providers at once, over all its accounts. */
        @WithDefault("20")
        int tenantMaxActiveJobs();

        /** Jobs one scheduler tick works on at most (per replica). */
        @WithDefault("16")
        int batchSize();

        /** How long a replica owns a job it works on; a crashed replica's jobs are picked up after it. */
        @WithDefault("2m")
        Duration lease();

        /** First wait after a provider 429/5xx; doubles per attempt up to max-backoff. */
        @WithDefault("2s")
        Duration backoff();

        @WithDefault("2m")
        Duration maxBackoff();

        /** Transient failures (5xx, timeouts) tolerated before a job fails as provider_error. */
        @WithDefault("8")
        int maxTransientAttempts();
    }

    interface Provider {
        /** Timeout of one provider call (uploads included). */
        @WithDefault("60s")
        Duration timeout();

        /** Files larger than this go through the Uploads API in parts instead of one /v1/files request. */
        @WithDefault("104857600")
        long uploadsApiThreshold();

        @WithDefault("67108864")
        long uploadPartBytes();
    }

    interface Monitoring {
        /** Poll interval right after a change; it grows while nothing changes. */
        @WithDefault("2s")
        Duration minPollInterval();

        @WithDefault("60s")
        Duration maxPollInterval();

        /** At most one job.progressed per job per this interval. */
        @WithDefault("10s")
        Duration progressInterval();
    }

    /** The budget check at cost-service before a job takes a provider slot (README, "Budget"). */
    interface Cost {
        /** cost-service's base URL; unset: no reservation is made and jobs are admitted without a budget check. */
        Optional<String> url();

        @WithDefault("2s")
        Duration connectTimeout();

        /** The whole reservation call. */
        @WithDefault("5s")
        Duration timeout();

        /** A job cost-service held is asked about again after this at the latest (sooner on budget.restored). */
        @WithDefault("5m")
        Duration recheckInterval();

        /** First wait after cost-service could not be asked; doubles per failure up to recheck-interval. */
        @WithDefault("2s")
        Duration backoff();
    }
}
