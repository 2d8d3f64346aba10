package io.tuneforge.training.monitoring;

/** One training step's figures; losses are null when the provider did not report them. */
public record MetricPoint(long step, Long totalSteps, Double trainLoss, Double validLoss, Double fullValidLoss) {
}
