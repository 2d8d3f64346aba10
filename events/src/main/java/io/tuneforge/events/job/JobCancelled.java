package io.tuneforge.events.job;

import io.tuneforge.events.EventPayload;

/** The job was cancelled by a user or a policy (e.g. budget), with who/why in {@code reason}. */
public record JobCancelled(String jobId, String providerJobId, String reason) implements EventPayload {

    @Override
    public String subject() {
        return jobId;
    }
}
