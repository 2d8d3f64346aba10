package io.tuneforge.eval.report;

/**
 * One row of the comparison table: a metric for the base and the fine-tuned model. Improvement is
 * signed so that positive is always better (for latency, tokens and cost it is base minus fine-tuned).
 * A null value is unknown (e.g. a price missing from the catalog) and never shown as zero.
 *
 * @param unit {@code ratio}, {@code ms}, {@code tokens} or {@code usd}
 */
public record ComparisonRow(String metric, String unit, Double base, Double fineTuned, Double improvement) {
}
