package io.tuneforge.eval.metrics;

/** A model's results on one slice (category) of the test set; format compliance is null without a format. */
public record SliceScore(int examples, double exactMatch, Double formatCompliance) {
}
