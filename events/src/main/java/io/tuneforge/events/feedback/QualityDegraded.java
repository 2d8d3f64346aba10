package io.tuneforge.events.feedback;

import io.tuneforge.events.EventPayload;

import java.time.Instant;

/**
 * Users' feedback on an alias's stable model turned negative: over the window, at least
 * {@code min_feedback} ratings and a negative share at or above the threshold. Raised at most once per
 * alias and model per debounce period. Training-service may retrain on it.
 *
 * @param alertId a fresh id per raise (the subject)
 */
public record QualityDegraded(
        String alertId,
        String alias,
        String model,
        String pipelineId,
        long feedbackCount,
        long negativeCount,
        double negativeRate,
        double threshold,
        Instant windowStart,
        Instant windowEnd) implements EventPayload {

    @Override
    public String subject() {
        return alertId;
    }
}
