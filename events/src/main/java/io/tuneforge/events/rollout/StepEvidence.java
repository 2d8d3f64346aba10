package io.tuneforge.events.rollout;

/**
 * What one rollout step measured for both arms, the evidence behind an advance or a rollback.
 *
 * @param candidateP95LatencyMs null when the candidate had no successful call in the step (same for the stable arm)
 */
public record StepEvidence(
        int percent,
        long durationMs,
        long candidateRequests,
        long candidateErrors,
        double candidateErrorRate,
        Long candidateP95LatencyMs,
        long stableRequests,
        long stableErrors,
        double stableErrorRate,
        Long stableP95LatencyMs) {
}
