package io.tuneforge.events.job;

import io.tuneforge.events.EventPayload;

/**
 * The job failed for good (retryable provider errors are retried before this).
 *
 * @param failureKind {@code data_format}, {@code moderation}, {@code quota}, {@code provider_error} or {@code internal}
 * @param message     what the provider or tuneforge said
 * @param advice      what to do about it
 * @param trainedTokens tokens billed before the failure, when known
 * @param pipelineId  the pipeline that started the job, or null (optional, added in v1)
 */
public record JobFailed(
        String jobId,
        String providerJobId,
        String failureKind,
        String message,
        String advice,
        Long trainedTokens,
        String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return jobId;
    }
}
