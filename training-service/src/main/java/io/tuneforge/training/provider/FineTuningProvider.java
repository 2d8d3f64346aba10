package io.tuneforge.training.provider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The only way tuneforge talks to a fine-tuning provider. Every call has a timeout and is made once:
 * retries are the caller's (the scheduler), so it decides what is safe to repeat. Failures are
 * {@link ProviderException}s.
 */
public interface FineTuningProvider {

    /** Uploads a JSONL file for fine-tuning (the Uploads API in parts when it is large); returns its file id. */
    String uploadFile(ProviderConnection account, Path file, String filename);

    ProviderJob createJob(ProviderConnection account, ProviderJobRequest request);

    /** The job created for a tuneforge job (metadata {@code tuneforge_job_id}), if any: how a retry avoids a duplicate. */
    Optional<ProviderJob> findJob(ProviderConnection account, String tuneforgeJobId);

    ProviderJob retrieve(ProviderConnection account, String providerJobId);

    /** Events newer than the first one {@code known} accepts, oldest first. */
    List<ProviderEvent> newEvents(ProviderConnection account, String providerJobId, Predicate<String> known);

    List<ProviderCheckpoint> checkpoints(ProviderConnection account, String providerJobId);

    ProviderJob cancel(ProviderConnection account, String providerJobId);

    ProviderJob pause(ProviderConnection account, String providerJobId);

    ProviderJob resume(ProviderConnection account, String providerJobId);

    /**
     * How old (or how far ahead) a webhook's timestamp may be; the Standard Webhooks default openai-java uses.
     * A delivery id is remembered this long, so a replayed webhook is refused while its signature still verifies.
     */
    Duration WEBHOOK_TOLERANCE = Duration.ofMinutes(5);

    /**
     * Verifies a webhook's signature with the account's signing secret and returns the provider job
     * it is about (empty for other event types); a forged or stale webhook is a REJECTED {@link ProviderException}
     * with status 401, a signed one whose body is not an event one with status 400.
     */
    Optional<String> verifiedWebhookJobId(String signingSecret, String payload, Map<String, List<String>> headers);
}
