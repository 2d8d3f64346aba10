package io.tuneforge.events.job;

import io.tuneforge.events.EventPayload;

/**
 * A fine-tuning job was accepted and waits for budget and a provider slot.
 *
 * @param jobId                  the tuneforge job
 * @param datasetId              dataset trained on
 * @param datasetVersionId       the exact version
 * @param baseModel              e.g. {@code gpt-4.1-mini-2025-04-14}
 * @param method                 {@code supervised} or {@code dpo}
 * @param providerAccountId      the provider account it will run on
 * @param estimatedTrainedTokens tokens x epochs expected to be billed, when known
 * @param priority               scheduling priority (higher first)
 * @param pipelineId             the pipeline that started the job; null for a job created directly (optional, added in v1)
 */
public record JobQueued(
        String jobId,
        String datasetId,
        String datasetVersionId,
        String baseModel,
        String method,
        String providerAccountId,
        Long estimatedTrainedTokens,
        int priority,
        String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return jobId;
    }
}
