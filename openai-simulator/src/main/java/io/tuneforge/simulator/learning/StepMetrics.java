package io.tuneforge.simulator.learning;

/**
 * What one training step measured. Validation figures are null without a validation file; the full
 * validation figures are only computed at the end of an epoch, as OpenAI does.
 */
public record StepMetrics(
        int step,
        int epoch,
        boolean epochEnd,
        double trainLoss,
        double trainAccuracy,
        Double validLoss,
        Double validAccuracy,
        Double fullValidLoss,
        Double fullValidAccuracy) {}
