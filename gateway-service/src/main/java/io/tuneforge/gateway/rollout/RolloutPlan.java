package io.tuneforge.gateway.rollout;

import io.tuneforge.gateway.GatewayConfig;
import io.tuneforge.gateway.domain.Guards;
import io.tuneforge.platform.problem.Problem;

import java.util.List;

/**
 * Checks the shape of a rollout (steps, minimums, guards), as given on POST /api/v1/rollouts or in an
 * alias's {@code auto_rollout} policy, and fills in the defaults. Every mistake becomes a field error that
 * says how to fix it; {@code prefix} places the fields ({@code ""} or {@code "auto_rollout."}).
 */
public record RolloutPlan(List<Integer> steps, int minRequests, long minDurationMs, Guards guards) {

    public static RolloutPlan of(List<Integer> steps, Integer minRequests, Double minDurationSeconds, Guards guards,
                                 GatewayConfig.Rollouts defaults, String prefix, List<Problem.FieldError> errors) {
        List<Integer> percents = steps == null || steps.isEmpty() ? defaults.defaultSteps() : steps;
        if (steps != null) {
            if (steps.isEmpty()) {
                errors.add(new Problem.FieldError(prefix + "steps", "must list at least one percentage, e.g. [10, 50, 100]"));
            } else if (steps.stream().anyMatch(p -> p == null || p < 1 || p > 100)) {
                errors.add(new Problem.FieldError(prefix + "steps", "every step must be a percentage from 1 to 100, e.g. [10, 50, 100]"));
            } else if (!increasing(steps)) {
                errors.add(new Problem.FieldError(prefix + "steps", "percentages must increase step by step, e.g. [10, 50, 100]"));
            } else if (steps.get(steps.size() - 1) != 100) {
                errors.add(new Problem.FieldError(prefix + "steps", "the last step must be 100: the candidate takes over the alias at 100%"));
            }
        }
        if (minRequests != null && minRequests < 1) {
            errors.add(new Problem.FieldError(prefix + "min_requests", "must be at least 1 (candidate requests a step needs before it may advance)"));
        }
        if (minDurationSeconds != null && (minDurationSeconds < 0 || minDurationSeconds > 30 * 24 * 3600)) {
            errors.add(new Problem.FieldError(prefix + "min_duration_seconds", "must be between 0 and 2592000 (30 days)"));
        }
        Guards g = guards == null ? new Guards(null, null, null) : guards;
        if (g.maxErrorRate() != null && (g.maxErrorRate() < 0 || g.maxErrorRate() >= 1)) {
            errors.add(new Problem.FieldError(prefix + "guards.max_error_rate", "must be a fraction from 0 to below 1, e.g. 0.05 for 5%"));
        }
        if (g.maxP95LatencyMs() != null && g.maxP95LatencyMs() < 1) {
            errors.add(new Problem.FieldError(prefix + "guards.max_p95_latency_ms", "must be a positive number of milliseconds, e.g. 2000"));
        }
        if (g.maxLatencyRatio() != null && g.maxLatencyRatio() <= 0) {
            errors.add(new Problem.FieldError(prefix + "guards.max_latency_ratio",
                    "must be positive: the candidate's p95 over the stable model's, e.g. 1.5"));
        }
        Guards filled = new Guards(g.maxErrorRate() == null ? defaults.defaultMaxErrorRate() : g.maxErrorRate(), g.maxP95LatencyMs(),
                g.maxLatencyRatio());
        return new RolloutPlan(percents, minRequests == null ? defaults.defaultMinRequests() : minRequests,
                minDurationSeconds == null ? defaults.defaultMinDuration().toMillis() : Math.round(minDurationSeconds * 1000), filled);
    }

    private static boolean increasing(List<Integer> steps) {
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) <= steps.get(i - 1)) {
                return false;
            }
        }
        return true;
    }
}
