package io.tuneforge.gateway.domain;

/**
 * What a rollout's candidate must hold at every step, or it is rolled back.
 *
 * @param maxErrorRate    share of failed calls (5xx, timeouts, unreachable provider), e.g. 0.05
 * @param maxP95LatencyMs the candidate's p95 latency of successful calls, or null
 * @param maxLatencyRatio the candidate's p95 over the stable arm's p95 during the rollout, or null
 */
public record Guards(Double maxErrorRate, Long maxP95LatencyMs, Double maxLatencyRatio) {
}
