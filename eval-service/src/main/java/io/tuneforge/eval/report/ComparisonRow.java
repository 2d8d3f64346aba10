package io.tuneforge.eval.report;

/**
 * One row of the comparison table: a metric for the base and the fine-tuned model.
 * A null value is unknown (e.g. a price missing from the catalog) and never shown as zero.
 *
 * @param unit        {@code ratio}, {@code ms}, {@code tokens}, {@code usd} or {@code score}
 * @param improvement signed so that positive is always better: fine-tuned minus base where higher is better,
 *                    base minus fine-tuned where lower is better (latency, tokens, cost)
 * @param better      which direction is better for this metric: {@code higher} or {@code lower}
 * @param change      fine-tuned minus base, in the metric's unit, with no sign flipped (negative = fine-tuned lower)
 * @param verdict     {@code better}, {@code worse} or {@code same} for the fine-tuned model; null when unknown or n/a
 * @param applicable  false when the metric says nothing for this task (then {@code note} says why and no verdict is given)
 * @param note        why the metric does not apply; null when it does
 */
public record ComparisonRow(String metric, String unit, Double base, Double fineTuned, Double improvement,
                            String better, Double change, String verdict, boolean applicable, String note) {

    /** A metric where higher is better (rates, scores). */
    static ComparisonRow higherIsBetter(String metric, String unit, Double base, Double fineTuned) {
        Double change = base == null || fineTuned == null ? null : fineTuned - base;
        return new ComparisonRow(metric, unit, base, fineTuned, change, "higher", change, verdict(change), true, null);
    }

    /** A metric where lower is better (latency, tokens, cost). */
    static ComparisonRow lowerIsBetter(String metric, String unit, Double base, Double fineTuned) {
        Double change = base == null || fineTuned == null ? null : fineTuned - base;
        Double improvement = change == null ? null : -change;
        return new ComparisonRow(metric, unit, base, fineTuned, improvement, "lower", change, verdict(improvement), true, null);
    }

    /** The same row, marked as saying nothing for this task: values kept for the record, no verdict. */
    ComparisonRow notApplicable(String why) {
        return new ComparisonRow(metric, unit, base, fineTuned, improvement, better, change, null, false, why);
    }

    /** Differences below this are noise of the float arithmetic, not a change. */
    private static final double SAME = 1e-9;

    private static String verdict(Double improvement) {
        if (improvement == null) {
            return null;
        }
        return Math.abs(improvement) < SAME ? "same" : improvement > 0 ? "better" : "worse";
    }
}
