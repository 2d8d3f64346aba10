package io.tuneforge.events.eval;

/**
 * Quality-gate thresholds as other services ask for them (a pipeline's evaluation policy). Each value
 * left null takes eval-service's default (the seed's: accuracy above baseline, format compliance 95%,
 * human preference 60%, no regressions against production).
 *
 * @param minImprovement        how far the candidate's accuracy must be above the baseline's (0.0 = at least equal)
 * @param minFormatCompliance   share of answers in the required format, 0-1
 * @param minHumanPreference    share of human A/B verdicts preferring the candidate, 0-1, when reviews exist
 * @param maxExampleRegressions examples production got right that the candidate may get wrong
 * @param maxSliceRegression    how far the candidate may fall below production on any slice, 0-1
 * @param maxLatencyP95Ms       optional bound on the candidate's p95 latency
 * @param maxCostPer1kCallsUsd  optional bound on the candidate's cost per 1,000 calls
 * @param minHumanReviews       human A/B verdicts needed before the human-preference gate counts (added within v1;
 *                              eval-service's default when null)
 */
public record GateThresholds(Double minImprovement, Double minFormatCompliance, Double minHumanPreference,
                             Integer maxExampleRegressions, Double maxSliceRegression, Double maxLatencyP95Ms,
                             Double maxCostPer1kCallsUsd, Integer minHumanReviews) {

    public GateThresholds(Double minImprovement, Double minFormatCompliance, Double minHumanPreference,
                          Integer maxExampleRegressions, Double maxSliceRegression, Double maxLatencyP95Ms,
                          Double maxCostPer1kCallsUsd) {
        this(minImprovement, minFormatCompliance, minHumanPreference, maxExampleRegressions, maxSliceRegression, maxLatencyP95Ms,
                maxCostPer1kCallsUsd, null);
    }
}
