package io.tuneforge.events.feedback;

import io.tuneforge.events.EventPayload;

/**
 * A user rated a completion the gateway served. The comment stays in gateway-service
 * ({@code GET /api/v1/feedback/{id}}); the event says whether it exists. The prompt, the answer and the
 * corrected output travel in {@code exchange} only when the alias captures exchanges (opt-in); otherwise
 * they stay in gateway-service too.
 *
 * @param rating              as given: {@code up}, {@code down}, or {@code 1}..{@code 5}
 * @param score               the rating on one scale, 0.0 (worst) to 1.0 (best): down = 0, up = 1, n stars = (n-1)/4
 * @param negative            down, or 1-2 stars: what the quality guard counts
 * @param arm                 {@code stable}, {@code candidate} or {@code direct} (a model id called without an alias)
 * @param alias               null for a direct call
 * @param pipelineId          the alias's pipeline, or null
 * @param exchange            what was asked and answered, and the correction; null unless the alias captures
 *                            exchanges (added within v1: older events and non-capturing aliases have none)
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
        String pipelineId,
        FeedbackExchange exchange) implements EventPayload {

    /** Feedback without a captured exchange. */
    public FeedbackRecorded(String feedbackId, String completionId, String alias, String model, String arm, String rating,
                            double score, boolean negative, boolean hasComment, boolean hasCorrectedOutput, String pipelineId) {
        this(feedbackId, completionId, alias, model, arm, rating, score, negative, hasComment, hasCorrectedOutput, pipelineId, null);
    }

    @Override
    public String subject() {
        return feedbackId;
    }
}
