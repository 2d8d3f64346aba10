package io.tuneforge.events.eval;

/**
 * One quality gate of an evaluation, with the numbers that decided it.
 *
 * @param gate      e.g. {@code accuracy_above_baseline}, {@code format_compliance}, {@code no_regression_vs_production}
 * @param actual    the measured value
 * @param threshold the value it had to beat (its meaning is in {@code detail})
 * @param detail    a sentence a person can act on
 */
public record GateOutcome(String gate, boolean passed, Double actual, Double threshold, String detail) {
}
