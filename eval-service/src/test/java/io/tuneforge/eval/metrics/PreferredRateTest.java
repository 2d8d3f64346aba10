package io.tuneforge.eval.metrics;

import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.TaskKind;
import io.tuneforge.eval.gates.GateDecision;
import io.tuneforge.eval.gates.GateInputs;
import io.tuneforge.eval.gates.QualityGates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PreferredRateTest {

    private static ScoredAnswer answer(int idx, String output, String preferred, String rejected) {
        return new ScoredAnswer(idx, preferred, null, output, output == null ? "refused" : null, 10L, 5, 2, rejected);
    }

    @Test
    void countsAnswersNearerThePreferredTiesAsHalfAndRefusalsAsMisses() {
        List<ScoredAnswer> answers = List.of(
                answer(0, "the refund was issued today", "the refund was issued", "we cannot help"),   // nearer preferred
                answer(1, "we cannot help you", "the refund was issued", "we cannot help"),            // nearer rejected
                answer(2, "hello", "the refund was issued", "we cannot help"),                         // tie (0 and 0)
                answer(3, null, "the refund was issued", "we cannot help"));                           // refused
        assertThat(Scorecard.of("candidate", "m", answers, false, Optional.empty(), Optional.empty()).preferredRate())
                .isEqualTo((1 + 0 + 0.5 + 0) / 4);
    }

    @Test
    void supervisedTestSetsHaveNoPreferredRateAndNoPreferenceGate() {
        List<ScoredAnswer> supervised = List.of(new ScoredAnswer(0, "billing", null, "billing", null, 10L, 5, 1));
        Scorecard card = Scorecard.of("candidate", "m", supervised, false, Optional.empty(), Optional.empty());
        assertThat(card.preferredRate()).isNull();
        GateDecision decision = QualityGates.decide(GateSettings.DEFAULTS, inputs(card, card));
        assertThat(decision.gates()).noneMatch(g -> g.gate().equals("preference_above_baseline"));
    }

    @Test
    void thePreferenceGatePassesOnlyWhenTheCandidateIsNearerThePreferredMoreOftenThanItsBase() {
        List<ScoredAnswer> good = List.of(answer(0, "billing", "billing", "shipping"), answer(1, "account", "account", "billing"));
        List<ScoredAnswer> bad = List.of(answer(0, "shipping", "billing", "shipping"), answer(1, "account", "account", "billing"));
        Scorecard tuned = Scorecard.of("candidate", "ft", good, false, Optional.empty(), Optional.empty());
        Scorecard base = Scorecard.of("baseline", "base", bad, false, Optional.empty(), Optional.empty());
        assertThat(gate(QualityGates.decide(GateSettings.DEFAULTS, inputs(tuned, base))).passed()).isTrue();
        assertThat(gate(QualityGates.decide(GateSettings.DEFAULTS, inputs(base, tuned))).passed()).isFalse();
    }

    private static io.tuneforge.events.eval.GateOutcome gate(GateDecision decision) {
        return decision.gates().stream().filter(g -> g.gate().equals("preference_above_baseline")).findFirst().orElseThrow();
    }

    private static GateInputs inputs(Scorecard candidate, Scorecard baseline) {
        return new GateInputs(TaskKind.GENERATION, candidate, Optional.of(baseline), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Optional.empty());
    }
}
