package io.tuneforge.eval.report;

import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.events.eval.GateOutcome;

import java.util.List;

/**
 * The result of a finished run: the comparison table, every model's metrics (with slices), the gates
 * with their numbers, the decision, and the failures grouped by kind.
 *
 * @param baseModel       the model in the "base" column (the baseline)
 * @param fineTunedModel  the model in the "fine-tuned" column (the candidate); null for a baseline-only run
 */
public record EvalReport(String evalId, String datasetId, String datasetVersionId, int examples, String task, String format,
                         String baseModel, String fineTunedModel, String decision, List<ComparisonRow> comparison,
                         List<GateOutcome> gates, List<Scorecard> models, List<FailureGroup> failures) {
}
