package io.tuneforge.eval.report;

import io.tuneforge.eval.judge.JudgeReport;
import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.eval.review.HumanReviewSummary;
import io.tuneforge.events.eval.GateOutcome;

import java.util.List;

/**
 * The result of a finished run: the comparison table, every model's metrics (with slices), the gates
 * with their numbers, the decision, and the failures grouped by kind.
 *
 * @param baseModel       the model in the "base" column (the baseline)
 * @param fineTunedModel  the model in the "fine-tuned" column (the candidate); null for a baseline-only run
 * @param judge           the model-graded results; null when the run had no judge
 * @param humanReview     the blind A/B review so far; null until the first verdict
 */
public record EvalReport(String evalId, String datasetId, String datasetVersionId, int examples, String task, String format,
                         String baseModel, String fineTunedModel, String decision, List<ComparisonRow> comparison,
                         List<GateOutcome> gates, List<Scorecard> models, List<FailureGroup> failures,
                         JudgeReport judge, HumanReviewSummary humanReview) {

    /** This report after human review: the verdicts so far, the gates and the decision they lead to. */
    public EvalReport withHumanReview(HumanReviewSummary review, List<GateOutcome> newGates, String newDecision) {
        return new EvalReport(evalId, datasetId, datasetVersionId, examples, task, format, baseModel, fineTunedModel, newDecision,
                comparison, newGates, models, failures, judge, review);
    }
}
