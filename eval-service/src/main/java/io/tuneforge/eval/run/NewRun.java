package io.tuneforge.eval.run;

import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.TestSet;

/**
 * A run to queue, however it was asked for (REST or {@code job.succeeded}).
 *
 * @param testSet         the held-out split of {@code versionId}; null when the version has none (the run then fails at once)
 * @param providerAccount the training-service account to call models through; null = the configured connection
 * @param jobId           the job whose model is evaluated (a run started by {@code job.succeeded}), else null
 * @param pipelineId      that job's pipeline, else null
 */
public record NewRun(String tenantId, String datasetId, String versionId, TestSet testSet, EvalSpec spec,
                     String providerAccount, String jobId, String pipelineId) {
}
