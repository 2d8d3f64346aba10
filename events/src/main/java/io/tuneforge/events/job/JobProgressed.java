package io.tuneforge.events.job;

import io.tuneforge.events.EventPayload;

/**
 * Training advanced (throttled: not every step is published). Losses are the provider's metrics at
 * {@code step}; {@code validLoss} is null when the job has no validation file.
 */
public record JobProgressed(
        String jobId,
        long step,
        Long totalSteps,
        Integer epoch,
        Double trainLoss,
        Double validLoss) implements EventPayload {

    @Override
    public String subject() {
        return jobId;
    }
}
