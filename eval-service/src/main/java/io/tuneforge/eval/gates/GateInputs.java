package io.tuneforge.eval.gates;

import io.tuneforge.eval.domain.TaskKind;
import io.tuneforge.eval.judge.JudgeReport;
import io.tuneforge.eval.metrics.ScoredAnswer;
import io.tuneforge.eval.metrics.Scorecard;

import java.util.List;
import java.util.Optional;

/**
 * What the gates look at.
 *
 * @param task                  decides the headline metric: accuracy, exact match, or ROUGE-L for generation
 * @param baseline              absent when the run has no baseline model
 * @param production            the model in production now, with its per-example answers, when given
 * @param candidateAnswers      the candidate's answer per example (for per-example regressions)
 * @param humanPreference       share of human A/B verdicts preferring the candidate, when reviews exist
 * @param judge                 the judge's scores and pairwise preference, when the run has a judge
 */
public record GateInputs(TaskKind task, Scorecard candidate, Optional<Scorecard> baseline, Optional<Scorecard> production,
                         List<ScoredAnswer> candidateAnswers, List<ScoredAnswer> productionAnswers,
                         Optional<HumanPreference> humanPreference, Optional<JudgeReport> judge) {

    /** Human verdicts so far: the preference rate and its Wilson 95% interval. */
    public record HumanPreference(long verdicts, double rate, double lower, double upper) {
    }
}
