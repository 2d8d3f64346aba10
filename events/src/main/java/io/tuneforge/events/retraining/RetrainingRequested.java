package io.tuneforge.events.retraining;

import io.tuneforge.events.EventPayload;

import java.time.Instant;

/**
 * A training pipeline started a run, and why: the record of every retraining.
 *
 * @param pipelineId       the pipeline
 * @param pipelineName     its name
 * @param trigger          {@code dataset.validated} (a new validated version of its dataset) or {@code manual}
 * @param datasetId        dataset trained on
 * @param datasetVersionId the exact version
 * @param jobId            the fine-tuning job the run created
 * @param modelName        the registry model the run's success becomes a version of
 * @param requestedAt      when
 */
public record RetrainingRequested(
        String pipelineId,
        String pipelineName,
        String trigger,
        String datasetId,
        String datasetVersionId,
        String jobId,
        String modelName,
        Instant requestedAt) implements EventPayload {

    @Override
    public String subject() {
        return pipelineId;
    }
}
