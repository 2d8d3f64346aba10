package io.tuneforge.events.eval;

import io.tuneforge.events.EventPayload;

import java.util.List;

/**
 * An evaluation finished: every model answered the held-out test set and the gates decided.
 *
 * @param decision {@code promote} (every gate passed) or {@code reject}
 * @param jobId          the training job that produced the candidate, when the run was started for one (optional, added in v1)
 * @param pipelineId     that job's pipeline, or null (optional, added in v1)
 * @param judges         usage of judge models (model-graded and pairwise evals), for cost accounting; empty when no judge ran
 *                       (optional, added in v1)
 * @param candidateModel null for a baseline-only run ("is prompting enough?"), whose decision is {@code baseline_only}
 */
public record EvalCompleted(
        String evalId,
        String datasetId,
        String datasetVersionId,
        String candidateModel,
        String baselineModel,
        String productionModel,
        String decision,
        List<GateOutcome> gates,
        List<ModelSummary> models,
        String jobId,
        String pipelineId,
        List<JudgeUsage> judges) implements EventPayload {

    @Override
    public String subject() {
        return evalId;
    }
}
