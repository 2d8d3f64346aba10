package io.tuneforge.gateway.domain;

import java.util.List;

/**
 * How an alias rolls out a model its pipeline's evaluation promoted (eval.completed, decision promote).
 * Null fields take the service defaults, as on POST /api/v1/rollouts.
 */
public record AutoRolloutPolicy(List<Integer> steps, Integer minRequests, Double minDurationSeconds, Guards guards) {
}
