package io.tuneforge.simulator.finetuning;

/** A `fine_tuning.job.checkpoint`: a usable model at the end of an epoch. */
public record Checkpoint(
        String object,
        String id,
        long createdAt,
        String fineTunedModelCheckpoint,
        String fineTuningJobId,
        Metrics metrics,
        int stepNumber) {

    public record Metrics(
            double step,
            Double trainLoss,
            Double trainMeanTokenAccuracy,
            Double validLoss,
            Double validMeanTokenAccuracy,
            Double fullValidLoss,
            Double fullValidMeanTokenAccuracy) {}
}
