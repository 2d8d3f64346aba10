package io.tuneforge.events.eval;

import io.tuneforge.events.EventPayload;

/**
 * An evaluation could not finish (test set unreadable, a model that does not exist, provider refusing).
 *
 * @param failureKind {@code test_set}, {@code provider} or {@code internal}
 * @param message     what went wrong, for a person to act on
 * @param jobId       the fine-tuning job whose success asked for the evaluation; null for one started over REST
 * @param pipelineId  that job's pipeline, or null
 */
public record EvalFailed(String evalId, String datasetId, String datasetVersionId, String failureKind,
                         String message, String jobId, String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return evalId;
    }
}
