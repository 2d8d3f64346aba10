package io.tuneforge.gateway.rollout;

/**
 * One arm's calls in one step: how many, how many failed, and latency percentiles of the successful ones
 * (null without any).
 */
public record ArmStats(long requests, long errors, Long p50LatencyMs, Long p95LatencyMs) {

    public static final ArmStats NONE = new ArmStats(0, 0, null, null);

    public double errorRate() {
        return requests == 0 ? 0.0 : (double) errors / requests;
    }
}
