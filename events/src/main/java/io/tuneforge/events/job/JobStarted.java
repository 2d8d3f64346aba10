package io.tuneforge.events.job;

import io.tuneforge.events.EventPayload;

/** The provider accepted the job ({@code ftjob-...}) and it is validating files or running. */
public record JobStarted(String jobId, String providerJobId, String baseModel, String providerAccountId) implements EventPayload {

    @Override
    public String subject() {
        return jobId;
    }
}
