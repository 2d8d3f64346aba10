package io.tuneforge.gateway.api;

import io.tuneforge.events.rollout.StepEvidence;
import io.tuneforge.gateway.domain.Guards;

import java.time.Instant;
import java.util.List;

/**
 * A rollout as the API shows it, with per-step, per-arm statistics computed from the recorded calls.
 *
 * @param currentPercent the candidate's share of the alias's calls now (0 after a rollback, 100 once completed)
 * @param stepStats      one entry per step: {@code passed}, {@code current}, {@code pending} or {@code rolled_back}
 * @param evidence       what the last decision (advance, completion, rollback) was based on
 */
public record RolloutView(String id, String alias, String state, String stableModel, String candidateModel, List<Integer> steps,
                          int stepIndex, int currentPercent, int minRequests, double minDurationSeconds, Guards guards,
                          Instant stepStartedAt, String startedBy, String evalId, String outcomeReason, String outcomeDetail,
                          StepEvidence evidence, List<StepView> stepStats, Instant createdAt, Instant updatedAt, Instant finishedAt) {

    public record StepView(int index, int percent, String status, ArmView candidate, ArmView stable) {
    }

    public record ArmView(long requests, long errors, double errorRate, Long p50LatencyMs, Long p95LatencyMs) {
    }
}
