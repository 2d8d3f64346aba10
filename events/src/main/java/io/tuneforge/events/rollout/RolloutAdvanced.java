package io.tuneforge.events.rollout;

import io.tuneforge.events.EventPayload;

/**
 * A rollout moved its candidate's traffic share: it started ({@code from_percent} 0), passed a step, or
 * completed (the candidate held its last step and is now the alias's stable model).
 *
 * @param reason     {@code started}, {@code guards_held} (the scheduler: the step lasted its minimum duration
 *                   with enough requests and every guard held) or {@code manual} (POST .../advance)
 * @param completed  true when the rollout is finished and {@code candidate_model} serves all of the alias
 * @param stepIndex  the step now in force (0-based), or the last step when completed
 * @param evidence   what the finished step measured, null when a rollout starts
 * @param pipelineId the alias's pipeline, or null
 */
public record RolloutAdvanced(
        String rolloutId,
        String alias,
        String stableModel,
        String candidateModel,
        int fromPercent,
        int toPercent,
        int stepIndex,
        boolean completed,
        String reason,
        StepEvidence evidence,
        String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return rolloutId;
    }
}
