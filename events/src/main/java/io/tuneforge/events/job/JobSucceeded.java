package io.tuneforge.events.job;

import io.tuneforge.events.EventPayload;

import java.time.Instant;

/**
 * The job produced a model.
 *
 * @param fineTunedModel the callable model id, e.g. {@code ft:gpt-4.1-mini-2025-04-14:acme:tickets:abc123}
 * @param trainedTokens  tokens the provider billed (tokens x epochs)
 * @param nEpochs        epochs actually run (auto resolved)
 * @param modelVersion   the registry version of this model within its lineage (1, 2, ...)
 * @param pipelineId     the pipeline that started the job; null for a job created directly (optional, added in v1)
 * @param evaluation     set when the job's pipeline asks for an evaluation of the new model; eval-service starts one
 *                       (optional, added in v1)
 */
public record JobSucceeded(
        String jobId,
        String providerJobId,
        String providerAccountId,
        String datasetId,
        String datasetVersionId,
        String baseModel,
        String method,
        String fineTunedModel,
        long trainedTokens,
        int nEpochs,
        int modelVersion,
        Instant finishedAt,
        String pipelineId,
        EvaluationRequest evaluation) implements EventPayload {

    @Override
    public String subject() {
        return jobId;
    }
}
