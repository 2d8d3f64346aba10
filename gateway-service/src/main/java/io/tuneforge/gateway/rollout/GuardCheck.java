package io.tuneforge.gateway.rollout;

import io.tuneforge.gateway.domain.Guards;

import java.util.Locale;

/**
 * The rules of a step (no I/O): guards are judged once the candidate has served {@code minRequests} calls
 * in the step, so a few unlucky calls cannot roll a healthy model back; errors are the exception: once a
 * step has more failures than {@code maxErrorRate × minRequests}, no later success can bring the rate back
 * under the limit, so it rolls back at once. A step advances when it has lasted {@code minDurationMs},
 * has {@code minRequests} candidate calls, and every guard holds.
 */
public final class GuardCheck {

    private GuardCheck() {
    }

    public static Verdict judge(StepMeasure m, Guards guards, int minRequests, long minDurationMs) {
        ArmStats candidate = m.candidate();
        double maxErrorRate = guards.maxErrorRate() == null ? 1.0 : guards.maxErrorRate();
        if (guards.maxErrorRate() != null && candidate.errors() > maxErrorRate * minRequests
                && candidate.errorRate() > maxErrorRate) {
            return Verdict.rollBack("error_rate", String.format(Locale.ROOT,
                    "candidate error rate %.1f%% (%d of %d requests) exceeds the %.1f%% guard", candidate.errorRate() * 100,
                    candidate.errors(), candidate.requests(), maxErrorRate * 100));
        }
        if (candidate.requests() < minRequests) {
            return Verdict.waiting("candidate has " + candidate.requests() + " of " + minRequests + " requests this step");
        }
        if (guards.maxP95LatencyMs() != null && candidate.p95LatencyMs() != null && candidate.p95LatencyMs() > guards.maxP95LatencyMs()) {
            return Verdict.rollBack("p95_latency", "candidate p95 latency " + candidate.p95LatencyMs() + " ms over "
                    + candidate.requests() + " requests exceeds the " + guards.maxP95LatencyMs() + " ms guard");
        }
        if (guards.maxLatencyRatio() != null && candidate.p95LatencyMs() != null && m.stableBaselineP95() != null
                && m.stableBaselineP95() > 0) {
            double ratio = (double) candidate.p95LatencyMs() / m.stableBaselineP95();
            if (ratio > guards.maxLatencyRatio()) {
                return Verdict.rollBack("latency_ratio", String.format(Locale.ROOT,
                        "candidate p95 latency %d ms is %.2fx the stable model's %d ms, over the %.2fx guard",
                        candidate.p95LatencyMs(), ratio, m.stableBaselineP95(), guards.maxLatencyRatio()));
            }
        }
        if (m.durationMs() < minDurationMs) {
            return Verdict.waiting("step has lasted " + m.durationMs() + " of " + minDurationMs + " ms");
        }
        return Verdict.advance(String.format(Locale.ROOT, "guards held over %d candidate requests (error rate %.1f%%, p95 %s ms)",
                candidate.requests(), candidate.errorRate() * 100, candidate.p95LatencyMs()));
    }
}
