package io.tuneforge.eval.report;

import java.util.Locale;

import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import io.tuneforge.eval.domain.TaskKind;
import io.tuneforge.eval.gates.GateDecision;
import io.tuneforge.eval.gates.GateInputs;
import io.tuneforge.eval.gates.QualityGates;
import io.tuneforge.eval.judge.JudgeReport;
import io.tuneforge.eval.metrics.FormatCheck;
import io.tuneforge.eval.metrics.ScoredAnswer;
import io.tuneforge.eval.metrics.Scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns every model's answers into scorecards, gates, the decision and the report. Pure: no I/O. */
public final class ReportAssembly {

    private ReportAssembly() {
    }

    /**
     * @param answers  per role, one answer per example, in example order
     * @param prices   the known prices of a model
     * @param promptOf the text shown for an example's prompt in failure examples
     * @param judge    the judge's results, when the run has a judge
     */
    public static Assembled assemble(String evalId, String datasetId, String versionId, EvalSpec spec,
                                     Map<ModelRole, List<ScoredAnswer>> answers,
                                     Function<String, Optional<Scorecard.TokenPrices>> prices,
                                     Optional<GateInputs.HumanPreference> humanPreference,
                                     Function<Integer, String> promptOf, Optional<JudgeReport> judge) {
        boolean classification = spec.task().kind() == TaskKind.CLASSIFICATION;
        Optional<FormatCheck> format = spec.task().formatCheck();
        List<Scorecard> cards = new ArrayList<>();
        for (ModelUnderTest m : spec.models()) {
            cards.add(Scorecard.of(m.role().wire(), m.model(), answers.getOrDefault(m.role(), List.of()), classification,
                    format, prices.apply(m.model())));
        }
        Optional<Scorecard> candidate = card(cards, ModelRole.CANDIDATE);
        Optional<Scorecard> baseline = card(cards, ModelRole.BASELINE);
        Optional<Scorecard> production = card(cards, ModelRole.PRODUCTION);

        GateDecision decision;
        List<FailureGroup> failures = new ArrayList<>();
        boolean graded = spec.task().kind() != TaskKind.GENERATION;
        Set<Integer> productionRight = answers.getOrDefault(ModelRole.PRODUCTION, List.of()).stream()
                .filter(ScoredAnswer::correct).map(ScoredAnswer::idx).collect(Collectors.toSet());
        if (candidate.isPresent()) {
            decision = QualityGates.decide(spec.gates(), new GateInputs(spec.task().kind(), candidate.get(), baseline, production,
                    answers.get(ModelRole.CANDIDATE), answers.getOrDefault(ModelRole.PRODUCTION, List.of()), humanPreference, judge));
            failures.addAll(FailureGroups.of(ModelRole.CANDIDATE.wire(), candidate.get().model(),
                    answers.get(ModelRole.CANDIDATE), format, graded, productionRight, promptOf));
        } else {
            // Baseline only: nothing to promote; the gates a candidate would face are shown against the base model.
            Scorecard base = baseline.orElseThrow();
            GateDecision asIfCandidate = QualityGates.decide(spec.gates(), new GateInputs(spec.task().kind(), base, Optional.empty(), Optional.empty(),
                    answers.get(ModelRole.BASELINE), List.of(), Optional.empty(), Optional.empty()));
            decision = new GateDecision(asIfCandidate.gates(), GateDecision.BASELINE_ONLY);
            failures.addAll(FailureGroups.of(ModelRole.BASELINE.wire(), base.model(), answers.get(ModelRole.BASELINE), format,
                    graded, Set.of(), promptOf));
        }
        Scorecard baseColumn = baseline.or(() -> production).orElseGet(candidate::orElseThrow);
        int examples = cards.isEmpty() ? 0 : cards.get(0).examples();
        EvalReport report = new EvalReport(evalId, datasetId, versionId, examples,
                spec.task().kind().name().toLowerCase(Locale.ROOT), spec.task().format().name().toLowerCase(Locale.ROOT),
                baseColumn.model(), candidate.map(Scorecard::model).orElse(null), decision.decision(),
                ComparisonTable.of(baseColumn, candidate.orElse(null), judge), decision.gates(), cards, failures, judge.orElse(null),
                null);
        return new Assembled(report, decision, cards);
    }

    public record Assembled(EvalReport report, GateDecision decision, List<Scorecard> scorecards) {
    }

    private static Optional<Scorecard> card(List<Scorecard> cards, ModelRole role) {
        return cards.stream().filter(c -> c.role().equals(role.wire())).findFirst();
    }
}
