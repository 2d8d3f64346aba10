package io.tuneforge.gateway.rollout;

import io.tuneforge.gateway.domain.Guards;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuardCheckTest {

    private static final Guards ERRORS_5 = new Guards(0.05, null, null);

    private static StepMeasure step(long durationMs, ArmStats candidate, ArmStats stable, Long baseline) {
        return new StepMeasure(10, durationMs, candidate, stable, baseline);
    }

    @Test
    void aStepWaitsForItsRequestsAndItsDurationThenAdvances() {
        ArmStats healthy = new ArmStats(50, 1, 20L, 40L);
        assertThat(GuardCheck.judge(step(60_000, new ArmStats(10, 0, 20L, 40L), ArmStats.NONE, null), ERRORS_5, 50, 30_000).kind())
                .isEqualTo(Verdict.Kind.WAIT);
        assertThat(GuardCheck.judge(step(10_000, healthy, ArmStats.NONE, null), ERRORS_5, 50, 30_000).kind()).isEqualTo(Verdict.Kind.WAIT);
        Verdict advance = GuardCheck.judge(step(30_000, healthy, ArmStats.NONE, null), ERRORS_5, 50, 30_000);
        assertThat(advance.kind()).isEqualTo(Verdict.Kind.ADVANCE);
        assertThat(advance.reason()).isEqualTo("guards_held");
    }

    @Test
    void errorsBeyondWhatMinRequestsCouldAbsorbRollBackEarly() {
        // 3 errors of 6 calls: even 44 further successes could not bring 50 calls under 5% (2.5 errors allowed).
        Verdict early = GuardCheck.judge(step(1_000, new ArmStats(6, 3, 20L, 40L), ArmStats.NONE, null), ERRORS_5, 50, 30_000);
        assertThat(early.kind()).isEqualTo(Verdict.Kind.ROLL_BACK);
        assertThat(early.reason()).isEqualTo("error_rate");
        assertThat(early.detail()).contains("50.0%").contains("3 of 6").contains("5.0%");
        // 2 errors of 6 might still end under 5% of 50: wait.
        assertThat(GuardCheck.judge(step(1_000, new ArmStats(6, 2, 20L, 40L), ArmStats.NONE, null), ERRORS_5, 50, 30_000).kind())
                .isEqualTo(Verdict.Kind.WAIT);
        // At min_requests the rate itself decides.
        assertThat(GuardCheck.judge(step(60_000, new ArmStats(50, 3, 20L, 40L), ArmStats.NONE, null), ERRORS_5, 50, 30_000).kind())
                .isEqualTo(Verdict.Kind.ROLL_BACK);
    }

    @Test
    void latencyGuardsAreJudgedOnceTheStepHasItsRequests() {
        Guards p95 = new Guards(0.05, 500L, null);
        assertThat(GuardCheck.judge(step(1_000, new ArmStats(49, 0, 300L, 900L), ArmStats.NONE, null), p95, 50, 0).kind())
                .isEqualTo(Verdict.Kind.WAIT);
        Verdict slow = GuardCheck.judge(step(1_000, new ArmStats(50, 0, 300L, 900L), ArmStats.NONE, null), p95, 50, 0);
        assertThat(slow.reason()).isEqualTo("p95_latency");
        assertThat(slow.detail()).contains("900 ms").contains("500 ms");

        Guards ratio = new Guards(0.05, null, 1.5);
        Verdict relative = GuardCheck.judge(step(1_000, new ArmStats(50, 0, 100L, 400L), new ArmStats(450, 0, 100L, 200L), 200L), ratio, 50, 0);
        assertThat(relative.reason()).isEqualTo("latency_ratio");
        assertThat(relative.detail()).contains("2.00x");
        assertThat(GuardCheck.judge(step(1_000, new ArmStats(50, 0, 100L, 280L), ArmStats.NONE, 200L), ratio, 50, 0).kind())
                .isEqualTo(Verdict.Kind.ADVANCE);
        // No baseline yet: the ratio is not judged.
        assertThat(GuardCheck.judge(step(1_000, new ArmStats(50, 0, 100L, 4_000L), ArmStats.NONE, null), ratio, 50, 0).kind())
                .isEqualTo(Verdict.Kind.ADVANCE);
    }
}
