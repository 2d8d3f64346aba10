package io.tuneforge.simulator.learning;

import java.util.List;

/** Everything a training run depends on; the same plan always yields the same losses and model. */
public record TrainingPlan(
        List<TrainingExample> training,
        List<TrainingExample> validation,
        TrainingMethod method,
        int epochs,
        int batchSize,
        double learningRateMultiplier,
        double beta,
        long seed) {

    public int stepsPerEpoch() {
        return (training.size() + batchSize - 1) / batchSize;
    }

    public int totalSteps() {
        return stepsPerEpoch() * epochs;
    }
}
