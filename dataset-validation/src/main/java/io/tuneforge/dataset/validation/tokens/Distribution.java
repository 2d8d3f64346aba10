package io.tuneforge.dataset.validation.tokens;

/**
 * Summary statistics of a per-example quantity. The reference labels np.quantile(v, 0.1) and (v, 0.9) as p10/p90
 * (the notebook prints them as "p5 / p95"). All fields are null for an empty set.
 */
public record Distribution(Double min, Double max, Double mean, Double p10, Double p50, Double p90) {
    public static final Distribution EMPTY = new Distribution(null, null, null, null, null, null);
}
