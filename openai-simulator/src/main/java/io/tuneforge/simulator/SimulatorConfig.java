package io.tuneforge.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every knob of the simulator; the README lists each with its default. */
@ConfigMapping(prefix = "tuneforge.simulator")
public interface SimulatorConfig {

    /** Where state is kept across restarts; without it everything lives in memory only. */
    Optional<Path> dataDir();

    /** Organization id reported on jobs and fine-tuned model names when the caller sends none. */
    @WithDefault("org-tuneforge")
    String organization();

    /** Refuse calls without an API key, as OpenAI does. Any non-empty key is accepted. */
    @WithDefault("true")
    boolean requireApiKey();

    /**
     * A background loop (job runner, state writer, housekeeping) that completes no iteration for this long
     * turns /q/health/live DOWN.
     */
    @WithDefault("120s")
    Duration loopStaleAfter();

    Time time();

    Limits limits();

    Faults faults();

    Webhooks webhooks();

    Azure azure();

    interface Azure {
        /**
         * {@code openai}: an Azure data-plane call may name a model directly (the deployment name is the model
         * unless a deployment of that name exists). {@code azure}: it must name a succeeded deployment, else 404
         * DeploymentNotFound, as on Azure.
         */
        @WithDefault("openai")
        String mode();

        /** Where the ARM management plane is served (stands in for https://management.azure.com). */
        @WithDefault("/azure-management")
        String managementPath();

        /** Where the Entra token endpoint is served (stands in for https://login.microsoftonline.com). */
        @WithDefault("/azure-login")
        String loginPath();

        /** Time from Creating to Succeeded (or Failed); scaled by time.scale. */
        @WithDefault("3s")
        Duration provisioningTime();

        /** Fixed lifetime of a Developer tier (sku developertier) deployment. */
        @WithDefault("24h")
        Duration developerTierLifetime();

        /** A deployment that receives no data-plane call for this long is removed, as Azure removes idle fine-tuned deployments. */
        @WithDefault("15d")
        Duration inactivityRemoval();

        /** Lifetime of an Entra access token. */
        @WithDefault("1h")
        Duration tokenLifetime();

        /** Fraction of new deployments whose provisioning ends Failed (seeded by faults.seed). */
        @WithDefault("0")
        double deploymentFailureRate();
    }

    interface Time {
        /** Multiplies every duration below: 0.01 makes a demo job finish a hundred times faster. */
        @WithDefault("1.0")
        double scale();

        @WithDefault("2s")
        Duration validating();

        @WithDefault("2s")
        Duration queued();

        /** Wall time of one training step (one batch). */
        @WithDefault("200ms")
        Duration step();

        /** How often the job runner looks for due work. */
        @WithDefault("20ms")
        Duration tick();
    }

    interface Limits {
        @WithDefault("500")
        int requestsPerMinute();

        @WithDefault("200000")
        int tokensPerMinute();

        /** Length of the rate-limit window; a minute like OpenAI, shorter in tests. */
        @WithDefault("60s")
        Duration window();

        /** Jobs in validating_files, queued, running or paused at once per organization. */
        @WithDefault("6")
        int maxActiveJobs();

        /** Jobs created per organization per rolling 24 hours. */
        @WithDefault("48")
        int maxDailyJobs();

        @WithDefault("536870912")
        long maxFileBytes();

        @WithDefault("67108864")
        long maxUploadPartBytes();

        @WithDefault("8589934592")
        long maxUploadBytes();

        @WithDefault("10")
        int minTrainingExamples();

        /** How long an Idempotency-Key is remembered. */
        @WithDefault("24h")
        Duration idempotencyTtl();

        /** Idempotency-Key responses remembered at most; the oldest are forgotten first. */
        @WithDefault("10000")
        int maxIdempotencyKeys();

        /** Fine-tuned models held in memory at once (least recently used evicted, rebuilt when asked again). */
        @WithDefault("64")
        int maxLoadedModels();

        /** Largest JSON request body (chat completions, job creation); more is a 413. */
        @WithDefault("16777216")
        long maxRequestBytes();
    }

    interface Faults {
        /** Fraction of /v1 and /openai requests answered with a 500. */
        @WithDefault("0")
        double errorRate();

        /** Fraction answered with a 503. */
        @WithDefault("0")
        double unavailableRate();

        /** Fraction delayed by slow-delay before being served. */
        @WithDefault("0")
        double slowRate();

        @WithDefault("2s")
        Duration slowDelay();

        /** Fraction whose connection is closed without any response. */
        @WithDefault("0")
        double dropRate();

        /**
         * Fraction of job creations, file and upload POSTs and chat completions that are carried out and then
         * lose their answer (the connection is closed instead).
         */
        @WithDefault("0")
        double lostRate();

        /** Fraction of fine-tuning jobs that fail part-way through training. */
        @WithDefault("0")
        double jobFailureRate();

        /** Seed of the fault dice, so a fault pattern can be replayed. */
        @WithDefault("42")
        long seed();
    }

    interface Webhooks {
        /** Endpoints that receive fine_tuning.job.* events. */
        Optional<List<String>> urls();

        /** Signing secret, whsec_ followed by base64; one is generated when absent. */
        Optional<String> secret();

        @WithDefault("5")
        int maxAttempts();

        /** First retry delay; each further retry doubles it. */
        @WithDefault("1s")
        Duration retryDelay();
    }
}
