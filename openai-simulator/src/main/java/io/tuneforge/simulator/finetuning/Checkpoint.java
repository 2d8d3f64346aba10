package io.tuneforge.simulator.finetuning;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A `fine_tuning.job.checkpoint`: a usable model at the end of an epoch. */
public record Checkpoint(
        String object,
        String id,
        long createdAt,
        String fineTunedModelCheckpoint,
        String fineTuningJobId,
        Metrics metrics,
        int stepNumber) {

    /** Validation figures are left out when the job has no validation file (the SDKs type them optional, not nullable). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metrics(
            double step,
            Double trainLoss,
            Double trainMeanTokenAccuracy,
            Double validLoss,
            Double validMeanTokenAccuracy,
            Double fullValidLoss,
            Double fullValidMeanTokenAccuracy) {}
}
