package io.tuneforge.events.job;

import io.tuneforge.events.EventPayload;

/**
 * The job was cancelled by a user or a policy (e.g. budget), with who/why in {@code reason}.
 *
 * @param pipelineId the pipeline that started the job, or null (optional, added in v1)
 */
public record JobCancelled(String jobId, String providerJobId, String reason, String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return jobId;
    }
}
