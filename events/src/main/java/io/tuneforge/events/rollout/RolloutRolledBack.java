package io.tuneforge.events.rollout;

import io.tuneforge.events.EventPayload;

/**
 * A rollout was stopped and all of the alias's traffic went back to its stable model.
 *
 * @param reason   {@code error_rate}, {@code p95_latency}, {@code latency_ratio} (a guard breached) or {@code manual}
 * @param detail   the breach in words, e.g. "candidate error rate 31.0% over 42 requests exceeds 5.0%"
 * @param percent  the candidate's share when it was rolled back
 * @param evidence the step's measurements when it was rolled back
 */
public record RolloutRolledBack(
        String rolloutId,
        String alias,
        String stableModel,
        String candidateModel,
        int stepIndex,
        int percent,
        String reason,
        String detail,
        StepEvidence evidence,
        String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return rolloutId;
    }
}
