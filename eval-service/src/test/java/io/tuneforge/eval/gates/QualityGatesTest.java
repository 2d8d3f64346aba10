package io.tuneforge.eval.gates;

import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.TaskKind;
import io.tuneforge.eval.judge.JudgeReport;
import io.tuneforge.events.eval.GateThresholds;
import io.tuneforge.events.eval.JudgeUsage;
import io.tuneforge.eval.metrics.FormatCheck;
import io.tuneforge.eval.metrics.ScoredAnswer;
import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.events.eval.GateOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QualityGatesTest {

    private static final List<String> LABELS = List.of("billing", "shipping", "account", "technical");
    private static final Optional<FormatCheck> LABEL_FORMAT = Optional.of(FormatCheck.regex("billing|shipping|account|technical"));

    /** {@code right} of {@code n} answers correct (labels cycle), the rest answered {@code wrong}. */
    static List<ScoredAnswer> answers(int n, int right, String wrong) {
        List<ScoredAnswer> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String label = LABELS.get(i % LABELS.size());
            answers.add(new ScoredAnswer(i, label, label, i < right ? label : wrong, null, 10L + i, 20, 2));
        }
        return answers;
    }

    static Scorecard card(String role, List<ScoredAnswer> answers) {
        return Scorecard.of(role, role + "-model", answers, true, LABEL_FORMAT, Optional.empty());
    }

    static GateOutcome gate(GateDecision decision, String name) {
        return decision.gates().stream().filter(g -> g.gate().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFineTunedModelThatLearnedTheLabelsPassesEveryDefaultGate() {
        List<ScoredAnswer> tuned = answers(20, 18, "billing");
        GateDecision decision = QualityGates.decide(GateSettings.DEFAULTS, new GateInputs(TaskKind.CLASSIFICATION, card("candidate", tuned),
                Optional.of(card("baseline", answers(20, 0, "I can help with that."))), Optional.empty(), tuned, List.of(),
                Optional.empty(), Optional.empty()));

        assertThat(decision.decision()).isEqualTo(GateDecision.PROMOTE);
        assertThat(gate(decision, "accuracy_above_baseline").actual()).isCloseTo(0.9, within(1e-9));
        assertThat(gate(decision, "accuracy_above_baseline").threshold()).as("majority label rate beats the base's 0")
                .isCloseTo(0.25, within(1e-9));
        assertThat(gate(decision, "format_compliance").passed()).isTrue();
        assertThat(gate(decision, "format_compliance").actual()).isEqualTo(1.0);
    }

    @Test
    void guessingNoBetterThanTheMostFrequentLabelFailsAndSaysWhy() {
        // 5 of 20 right: the rate of always answering one label, though far above a base model that knows no labels.
        List<ScoredAnswer> confused = answers(20, 5, "refund");
        GateDecision decision = QualityGates.decide(null, new GateInputs(TaskKind.CLASSIFICATION, card("candidate", confused),
                Optional.of(card("baseline", answers(20, 0, "Hello!"))), Optional.empty(), confused, List.of(), Optional.empty(), Optional.empty()));

        GateOutcome accuracy = gate(decision, "accuracy_above_baseline");
        assertThat(decision.decision()).isEqualTo(GateDecision.REJECT);
        assertThat(accuracy.passed()).isFalse();
        assertThat(accuracy.detail()).contains("25.0%").contains("does not beat").contains("contradictory labels");
    }

    @Test
    void formatComplianceBelowNinetyFivePercentFails() {
        List<ScoredAnswer> sloppy = answers(20, 18, "Billing, I think");
        GateOutcome format = gate(QualityGates.decide(null, new GateInputs(TaskKind.CLASSIFICATION, card("candidate", sloppy), Optional.empty(),
                Optional.empty(), sloppy, List.of(), Optional.empty(), Optional.empty())), "format_compliance");
        assertThat(format.passed()).isFalse();
        assertThat(format.actual()).isCloseTo(0.9, within(1e-9));
        assertThat(format.detail()).isEqualTo("90.0% of answers have the required format (needs at least 95.0%)");
    }

    @Test
    void anExampleOrSliceProductionGotRightAndTheCandidateGetsWrongIsARegression() {
        List<ScoredAnswer> production = answers(8, 8, "x");
        List<ScoredAnswer> candidate = new ArrayList<>(answers(8, 8, "x"));
        candidate.set(1, new ScoredAnswer(1, "shipping", "shipping", "billing", null, 5L, 20, 2));
        GateDecision decision = QualityGates.decide(null, new GateInputs(TaskKind.CLASSIFICATION, card("candidate", candidate), Optional.empty(),
                Optional.of(card("production", production)), candidate, production, Optional.empty(), Optional.empty()));

        GateOutcome examples = gate(decision, "no_example_regression_vs_production");
        GateOutcome slices = gate(decision, "no_slice_regression_vs_production");
        assertThat(examples.passed()).isFalse();
        assertThat(examples.actual()).isEqualTo(1.0);
        assertThat(examples.detail()).contains("examples 1");
        assertThat(slices.passed()).isFalse();
        assertThat(slices.detail()).isEqualTo("slice 'shipping' drops 50.0% below production (allowed 0.0%)");
        assertThat(decision.decision()).isEqualTo(GateDecision.REJECT);
    }

    @Test
    void humanPreferenceLatencyAndCostBoundsApplyOnlyWhenGiven() {
        List<ScoredAnswer> tuned = answers(4, 4, "x");
        Scorecard priced = Scorecard.of("candidate", "ft:m", tuned, true, LABEL_FORMAT,
                Optional.of(new Scorecard.TokenPrices(0.30, 1.20)));
        GateSettings bounds = new GateSettings(null, null, null, null, null, 5.0, 0.001, null, null, null);
        GateDecision decision = QualityGates.decide(bounds, new GateInputs(TaskKind.CLASSIFICATION, priced, Optional.empty(), Optional.empty(), tuned,
                List.of(), Optional.of(new GateInputs.HumanPreference(10, 0.5, 0.24, 0.76)), Optional.empty()));

        assertThat(gate(decision, "human_preference").passed()).as("50% is not above 60%").isFalse();
        assertThat(gate(decision, "latency_p95").passed()).as("p95 of 10..13 ms is above 5 ms").isFalse();
        // 20 prompt + 2 completion tokens per call: 1000 * (20 * 0.30 + 2 * 1.20) / 1e6 = $0.0084 per 1,000 calls.
        assertThat(priced.costPer1kCallsUsd()).isCloseTo(0.0084, within(1e-12));
        assertThat(gate(decision, "cost_per_1k_calls").passed()).isFalse();

        GateDecision unpriced = QualityGates.decide(bounds, new GateInputs(TaskKind.CLASSIFICATION, card("candidate", tuned), Optional.empty(),
                Optional.empty(), tuned, List.of(), Optional.empty(), Optional.empty()));
        assertThat(gate(unpriced, "cost_per_1k_calls").detail()).contains("unknown");
        assertThat(unpriced.gates()).extracting(GateOutcome::gate).doesNotContain("human_preference");
    }

    @Test
    void theHumanGateWaitsForEnoughVerdicts() {
        List<ScoredAnswer> tuned = answers(4, 4, "x");
        GateInputs twoAgainst = new GateInputs(TaskKind.CLASSIFICATION, card("candidate", tuned), Optional.empty(), Optional.empty(), tuned,
                List.of(), Optional.of(new GateInputs.HumanPreference(2, 0.0, 0.0, 0.66)), Optional.empty());
        assertThat(QualityGates.decide(null, twoAgainst).gates()).extracting(GateOutcome::gate)
                .as("2 of the default 10 verdicts: pending, not failed").doesNotContain("human_preference");
        GateSettings two = new GateSettings(null, null, null, null, null, null, null, null, null, 2);
        assertThat(gate(QualityGates.decide(two, twoAgainst), "human_preference").passed()).isFalse();
    }

    @Test
    void judgeGatesApplyOnlyWhenSetAndFailWithoutVerdicts() {
        List<ScoredAnswer> tuned = answers(4, 4, "x");
        GateSettings judged = new GateSettings(null, null, null, null, null, null, null, 4.0, 0.6, null);
        JudgeReport report = new JudgeReport("gpt-4.1", "rubric",
                List.of(new JudgeReport.ModelScore("candidate", "candidate-model", 4, 0, 4.25)),
                new JudgeReport.Pairwise(10, 8, 1, 1, 0, 0.8, 0.49, 0.94), new JudgeUsage("gpt-4.1", 24, 2400, 240));
        GateDecision decision = QualityGates.decide(judged, new GateInputs(TaskKind.CLASSIFICATION, card("candidate", tuned),
                Optional.empty(), Optional.empty(), tuned, List.of(), Optional.empty(), Optional.of(report)));
        assertThat(gate(decision, "judge_score").passed()).isTrue();
        assertThat(gate(decision, "judge_score").actual()).isEqualTo(4.25);
        assertThat(gate(decision, "judge_preference").passed()).isTrue();
        assertThat(gate(decision, "judge_preference").detail()).contains("80.0% of 10 pairs");

        GateDecision withoutJudge = QualityGates.decide(judged, new GateInputs(TaskKind.CLASSIFICATION, card("candidate", tuned),
                Optional.empty(), Optional.empty(), tuned, List.of(), Optional.empty(), Optional.empty()));
        assertThat(gate(withoutJudge, "judge_score").passed()).isFalse();
        assertThat(gate(withoutJudge, "judge_preference").passed()).isFalse();
        assertThat(withoutJudge.decision()).isEqualTo(GateDecision.REJECT);

        GateDecision defaults = QualityGates.decide(GateSettings.DEFAULTS, new GateInputs(TaskKind.CLASSIFICATION,
                card("candidate", tuned), Optional.empty(), Optional.empty(), tuned, List.of(), Optional.empty(), Optional.of(report)));
        assertThat(defaults.gates()).extracting(GateOutcome::gate).doesNotContain("judge_score", "judge_preference");
    }

    @Test
    void aPipelinesThresholdsBecomeGateSettingsWithTheSeedsDefaultsForWhatItLeavesOut() {
        GateSettings settings = GateSettings.from(new GateThresholds(0.05, null, 0.7, null, 0.02, 900.0, null));
        assertThat(settings).isEqualTo(new GateSettings(0.05, 0.95, 0.7, 0, 0.02, 900.0, null, null, null, 10));
        assertThat(GateSettings.from(null)).isEqualTo(GateSettings.DEFAULTS);
    }
}
