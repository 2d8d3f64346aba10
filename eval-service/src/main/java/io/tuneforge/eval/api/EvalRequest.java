package io.tuneforge.eval.api;

import io.tuneforge.eval.domain.EvalTask;
import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.JudgeSpec;
import io.tuneforge.eval.domain.ModelUnderTest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/**
 * POST /api/v1/evals. The test set is a dataset version's held-out split: {@code dataset_id} with
 * {@code dataset_version}, or {@code version_id} alone.
 *
 * @param maxConcurrency  calls at once per model (1-32, default 4); lowered automatically while rate limited
 * @param judge           optional model-graded evaluation: {@code {model, rubric, pairwise}}
 * @param providerAccount the training-service provider account (id or name) to call the models through; without
 *                        one (or without a training-service URL) the configured connection is used
 */
public record EvalRequest(@NotBlank String datasetId, Integer datasetVersion, String versionId,
                          @NotEmpty List<ModelUnderTest> models, EvalTask task, GateSettings gates, Integer maxConcurrency,
                          JudgeSpec judge, String providerAccount) {
}
