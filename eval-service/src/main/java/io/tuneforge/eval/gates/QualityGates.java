package io.tuneforge.eval.gates;

import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.TaskKind;
import io.tuneforge.eval.judge.JudgeReport;
import io.tuneforge.eval.metrics.ScoredAnswer;
import io.tuneforge.eval.metrics.SliceScore;
import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.events.eval.GateOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The promotion gates (seed defaults in {@link GateSettings#DEFAULTS}). Each gate reports the measured
 * number, the bar and a sentence saying why it passed or failed.
 */
public final class QualityGates {

    private QualityGates() {
    }

    public static GateDecision decide(GateSettings configured, GateInputs in) {
        GateSettings settings = configured == null ? GateSettings.DEFAULTS : configured.withDefaults();
        List<GateOutcome> gates = new ArrayList<>();
        in.baseline().ifPresent(baseline -> gates.add(aboveBaseline(settings, in.task(), in.candidate(), baseline)));
        in.baseline().filter(b -> b.preferredRate() != null && in.candidate().preferredRate() != null)
                .ifPresent(baseline -> gates.add(preferenceAboveBaseline(settings, in.candidate(), baseline)));
        if (in.candidate().formatCompliance() != null) {
            gates.add(formatCompliance(settings, in.candidate()));
        }
        in.humanPreference().filter(p -> humanGateDecides(settings, p.verdicts())).ifPresent(p -> gates.add(humanPreference(settings, p)));
        if (settings.minJudgeScore() != null) {
            gates.add(judgeScore(settings, in.judge()));
        }
        if (settings.minJudgePreference() != null) {
            gates.add(judgePreference(settings, in.judge()));
        }
        in.production().ifPresent(production -> {
            gates.add(exampleRegressions(settings, in.candidateAnswers(), in.productionAnswers(), production.model()));
            gates.add(sliceRegressions(settings, in.candidate(), production));
        });
        if (settings.maxLatencyP95Ms() != null) {
            double p95 = in.candidate().latency().p95Ms();
            gates.add(new GateOutcome("latency_p95", p95 <= settings.maxLatencyP95Ms(), p95, settings.maxLatencyP95Ms(),
                    String.format(Locale.ROOT, "p95 latency %.0f ms (bound %.0f ms)", p95, settings.maxLatencyP95Ms())));
        }
        if (settings.maxCostPer1kCallsUsd() != null) {
            gates.add(cost(settings, in.candidate()));
        }
        return new GateDecision(gates, decisionOf(gates));
    }

    /** promote when every gate passed, else reject. */
    public static String decisionOf(List<GateOutcome> gates) {
        return gates.stream().allMatch(GateOutcome::passed) ? GateDecision.PROMOTE : GateDecision.REJECT;
    }

    /** Whether enough human verdicts exist for the human-preference gate to count (fewer: it is pending, not failed). */
    public static boolean humanGateDecides(GateSettings configured, long verdicts) {
        GateSettings settings = configured == null ? GateSettings.DEFAULTS : configured.withDefaults();
        return verdicts > 0 && verdicts >= settings.minHumanReviews();
    }

    /** The human-preference gate: the candidate's share of human A/B verdicts must be above the bar. */
    public static GateOutcome humanPreference(GateSettings configured, GateInputs.HumanPreference p) {
        GateSettings settings = configured == null ? GateSettings.DEFAULTS : configured.withDefaults();
        return new GateOutcome("human_preference", p.rate() > settings.minHumanPreference(), p.rate(), settings.minHumanPreference(),
                String.format(Locale.ROOT, "%s of %d human verdicts prefer the fine-tuned model (95%% CI %s-%s); needs more than %s",
                        pct(p.rate()), p.verdicts(), pct(p.lower()), pct(p.upper()), pct(settings.minHumanPreference())));
    }

    static GateOutcome judgeScore(GateSettings settings, Optional<JudgeReport> judge) {
        Optional<JudgeReport.ModelScore> score = judge.flatMap(j -> j.score(ModelRole.CANDIDATE)).filter(s -> s.meanScore() != null);
        if (score.isEmpty()) {
            return new GateOutcome("judge_score", false, null, settings.minJudgeScore(), judge.isEmpty()
                    ? "min_judge_score is set but the run has no judge: add 'judge' to the request"
                    : "the judge gave the fine-tuned model's answers no score (every reply was an abstention)");
        }
        double mean = score.get().meanScore();
        return new GateOutcome("judge_score", mean >= settings.minJudgeScore(), mean, settings.minJudgeScore(),
                String.format(Locale.ROOT, "judge %s scores the fine-tuned answers %.2f of 5 on average over %d answers (needs at least %.2f)",
                        judge.get().model(), mean, score.get().judged(), settings.minJudgeScore()));
    }

    static GateOutcome judgePreference(GateSettings settings, Optional<JudgeReport> judge) {
        Optional<JudgeReport.Pairwise> pairwise = judge.map(JudgeReport::pairwise).filter(p -> p.judged() > 0);
        if (pairwise.isEmpty()) {
            return new GateOutcome("judge_preference", false, null, settings.minJudgePreference(),
                    "min_judge_preference is set but there are no pairwise verdicts: the run needs 'judge' with 'pairwise': true "
                            + "and a baseline");
        }
        JudgeReport.Pairwise p = pairwise.get();
        return new GateOutcome("judge_preference", p.preferenceRate() > settings.minJudgePreference(), p.preferenceRate(),
                settings.minJudgePreference(), String.format(Locale.ROOT,
                "the judge prefers the fine-tuned answer in %s of %d pairs (95%% CI %s-%s; %d ties, %d for the base), "
                        + "consistently in both orders; needs more than %s", pct(p.preferenceRate()), p.judged(), pct(p.lower()),
                pct(p.upper()), p.ties(), p.baselineWins(), pct(settings.minJudgePreference())));
    }

    static GateOutcome aboveBaseline(GateSettings settings, TaskKind task, Scorecard candidate, Scorecard baseline) {
        if (task == TaskKind.GENERATION) {
            // Free text is almost never reproduced word for word: ROUGE-L is the headline of generation tasks.
            double threshold = baseline.rougeL() + settings.minImprovement();
            boolean passed = candidate.rougeL() > threshold;
            return new GateOutcome("quality_above_baseline", passed, candidate.rougeL(), threshold,
                    String.format(Locale.ROOT, "fine-tuned ROUGE-L %.3f %s base %.3f%s", candidate.rougeL(),
                            passed ? "beats" : "does not beat", baseline.rougeL(),
                            settings.minImprovement() > 0 ? " by more than " + settings.minImprovement() : ""));
        }
        boolean classification = candidate.classification() != null;
        String metric = classification ? "accuracy" : "exact match";
        // For classification, always answering the most frequent label is a baseline too: a model that
        // only beats a base model that does not know the label set has not shown it learned anything.
        double bar = classification ? Math.max(baseline.headline(), candidate.majorityRate()) : baseline.headline();
        double threshold = bar + settings.minImprovement();
        boolean passed = candidate.headline() > threshold;
        String against = classification
                ? String.format(Locale.ROOT, "max(base %s, majority label %s)", pct(baseline.headline()), pct(candidate.majorityRate()))
                : "base " + pct(baseline.headline());
        String detail = String.format(Locale.ROOT, "fine-tuned %s %s %s %s%s", metric, pct(candidate.headline()),
                passed ? "beats" : "does not beat", against,
                settings.minImprovement() > 0 ? " by more than " + pct(settings.minImprovement()) : "");
        if (!passed && classification && candidate.headline() <= candidate.majorityRate() + 0.05) {
            detail += "; it is no better than guessing the most frequent label: check the training data for contradictory labels";
        }
        return new GateOutcome("accuracy_above_baseline", passed, candidate.headline(), threshold, detail);
    }

    /**
     * Preference test sets: what DPO training is for is answers nearer the preferred than the non-preferred
     * one, so the candidate must be so more often than its base.
     */
    static GateOutcome preferenceAboveBaseline(GateSettings settings, Scorecard candidate, Scorecard baseline) {
        double threshold = baseline.preferredRate() + settings.minImprovement();
        boolean passed = candidate.preferredRate() > threshold;
        return new GateOutcome("preference_above_baseline", passed, candidate.preferredRate(), threshold,
                String.format(Locale.ROOT, "fine-tuned answers are closer to the preferred than to the non-preferred answer in %s "
                                + "of examples, %s base %s%s", pct(candidate.preferredRate()), passed ? "beating" : "not beating",
                        pct(baseline.preferredRate()),
                        settings.minImprovement() > 0 ? " by more than " + pct(settings.minImprovement()) : ""));
    }

    static GateOutcome formatCompliance(GateSettings settings, Scorecard candidate) {
        double actual = candidate.formatCompliance();
        boolean passed = actual >= settings.minFormatCompliance();
        return new GateOutcome("format_compliance", passed, actual, settings.minFormatCompliance(),
                String.format(Locale.ROOT, "%s of answers have the required format (needs at least %s)", pct(actual),
                        pct(settings.minFormatCompliance())));
    }

    static GateOutcome exampleRegressions(GateSettings settings, List<ScoredAnswer> candidate, List<ScoredAnswer> production,
                                          String productionModel) {
        Set<Integer> productionRight = production.stream().filter(ScoredAnswer::correct).map(ScoredAnswer::idx)
                .collect(Collectors.toSet());
        List<Integer> regressed = candidate.stream().filter(a -> productionRight.contains(a.idx()) && !a.correct())
                .map(ScoredAnswer::idx).toList();
        boolean passed = regressed.size() <= settings.maxExampleRegressions();
        return new GateOutcome("no_example_regression_vs_production", passed, (double) regressed.size(),
                (double) settings.maxExampleRegressions(),
                String.format(Locale.ROOT, "%d examples that %s answered correctly are wrong now%s (allowed %d)", regressed.size(),
                        productionModel, regressed.isEmpty() ? "" : " (examples " + regressed.stream().limit(10)
                                .map(String::valueOf).collect(Collectors.joining(", ")) + ")", settings.maxExampleRegressions()));
    }

    static GateOutcome sliceRegressions(GateSettings settings, Scorecard candidate, Scorecard production) {
        double worst = 0;
        String worstSlice = null;
        for (Map.Entry<String, SliceScore> slice : production.slices().entrySet()) {
            SliceScore now = candidate.slices().get(slice.getKey());
            double drop = slice.getValue().exactMatch() - (now == null ? 0 : now.exactMatch());
            if (drop > worst) {
                worst = drop;
                worstSlice = slice.getKey();
            }
        }
        boolean passed = worst <= settings.maxSliceRegression();
        return new GateOutcome("no_slice_regression_vs_production", passed, worst, settings.maxSliceRegression(),
                worstSlice == null ? "no slice is worse than in production"
                        : String.format(Locale.ROOT, "slice '%s' drops %s below production (allowed %s)", worstSlice, pct(worst),
                        pct(settings.maxSliceRegression())));
    }

    static GateOutcome cost(GateSettings settings, Scorecard candidate) {
        Double cost = candidate.costPer1kCallsUsd();
        if (cost == null) {
            return new GateOutcome("cost_per_1k_calls", false, null, settings.maxCostPer1kCallsUsd(),
                    "the price of " + candidate.model() + " is unknown, so the cost bound cannot be checked");
        }
        return new GateOutcome("cost_per_1k_calls", cost <= settings.maxCostPer1kCallsUsd(), cost, settings.maxCostPer1kCallsUsd(),
                String.format(Locale.ROOT, "$%.4f per 1,000 calls (bound $%.4f)", cost, settings.maxCostPer1kCallsUsd()));
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
