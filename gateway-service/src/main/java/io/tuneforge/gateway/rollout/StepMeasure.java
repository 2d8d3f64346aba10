package io.tuneforge.gateway.rollout;

import io.tuneforge.events.rollout.StepEvidence;

/**
 * What the current step measured, the input of {@link GuardCheck}.
 *
 * @param stableBaselineP95 the stable arm's p95 over the whole rollout (the latency-ratio baseline), or null
 */
public record StepMeasure(int percent, long durationMs, ArmStats candidate, ArmStats stable, Long stableBaselineP95) {

    public StepEvidence evidence() {
        return new StepEvidence(percent, durationMs, candidate.requests(), candidate.errors(), round(candidate.errorRate()),
                candidate.p95LatencyMs(), stable.requests(), stable.errors(), round(stable.errorRate()), stable.p95LatencyMs());
    }

    private static double round(double rate) {
        return Math.round(rate * 10_000) / 10_000.0;
    }
}
