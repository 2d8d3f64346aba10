package io.tuneforge.events.feedback;

import io.tuneforge.events.EventPayload;

/**
 * A user rated a completion the gateway served. The comment and corrected output stay in gateway-service
 * ({@code GET /api/v1/feedback/{id}}); the event says whether they exist.
 *
 * @param rating              as given: {@code up}, {@code down}, or {@code 1}..{@code 5}
 * @param score               the rating on one scale, 0.0 (worst) to 1.0 (best): down = 0, up = 1, n stars = (n-1)/4
 * @param negative            down, or 1-2 stars: what the quality guard counts
 * @param arm                 {@code stable}, {@code candidate} or {@code direct} (a model id called without an alias)
 * @param alias               null for a direct call
 * @param pipelineId          the alias's pipeline, or null
 */
public record FeedbackRecorded(
        String feedbackId,
        String completionId,
        String alias,
        String model,
        String arm,
        String rating,
        double score,
        boolean negative,
        boolean hasComment,
        boolean hasCorrectedOutput,
        String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return feedbackId;
    }
}
