package io.tuneforge.eval.domain;

/**
 * Quality gates of a run; each field left out of a request takes the seed's default.
 *
 * @param minImprovement       how far the candidate's accuracy (exact match outside classification) must be above
 *                             the baseline's, and, for classification, above always answering the most frequent label
 * @param minFormatCompliance  share of answers that must have the required format
 * @param minHumanPreference   share of human A/B verdicts that must prefer the candidate, when reviews exist
 * @param maxExampleRegressions examples the production model got right that the candidate may get wrong
 * @param maxSliceRegression   how far the candidate's accuracy on any slice may fall below production's
 * @param maxLatencyP95Ms      optional bound on the candidate's p95 latency
 * @param maxCostPer1kCallsUsd optional bound on the candidate's cost per 1,000 calls
 */
public record GateSettings(Double minImprovement, Double minFormatCompliance, Double minHumanPreference,
                           Integer maxExampleRegressions, Double maxSliceRegression, Double maxLatencyP95Ms,
                           Double maxCostPer1kCallsUsd) {

    public static final GateSettings DEFAULTS = new GateSettings(0.0, 0.95, 0.60, 0, 0.0, null, null);

    /** These settings with every missing value taken from {@link #DEFAULTS}. */
    public GateSettings withDefaults() {
        return new GateSettings(
                minImprovement != null ? minImprovement : DEFAULTS.minImprovement,
                minFormatCompliance != null ? minFormatCompliance : DEFAULTS.minFormatCompliance,
                minHumanPreference != null ? minHumanPreference : DEFAULTS.minHumanPreference,
                maxExampleRegressions != null ? maxExampleRegressions : DEFAULTS.maxExampleRegressions,
                maxSliceRegression != null ? maxSliceRegression : DEFAULTS.maxSliceRegression,
                maxLatencyP95Ms, maxCostPer1kCallsUsd);
    }
}
