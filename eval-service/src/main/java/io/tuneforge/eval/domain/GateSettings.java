package io.tuneforge.eval.domain;

import io.tuneforge.events.eval.GateThresholds;

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
 * @param minJudgeScore        optional: the candidate's mean judge score (1-5) must be at least this (needs a judge)
 * @param minJudgePreference   optional: the share of pairwise judgements preferring the candidate must be above this
 *                             (needs a pairwise judge)
 * @param minHumanReviews      human A/B verdicts needed before the human-preference gate decides anything (default 10):
 *                             one reviewer's first click is not a verdict on the model
 */
public record GateSettings(Double minImprovement, Double minFormatCompliance, Double minHumanPreference,
                           Integer maxExampleRegressions, Double maxSliceRegression, Double maxLatencyP95Ms,
                           Double maxCostPer1kCallsUsd, Double minJudgeScore, Double minJudgePreference,
                           Integer minHumanReviews) {

    public static final GateSettings DEFAULTS = new GateSettings(0.0, 0.95, 0.60, 0, 0.0, null, null, null, null, 10);

    /** The thresholds another service asks for (a pipeline's evaluation policy on {@code job.succeeded}); null is all defaults. */
    public static GateSettings from(GateThresholds thresholds) {
        if (thresholds == null) {
            return DEFAULTS;
        }
        return new GateSettings(thresholds.minImprovement(), thresholds.minFormatCompliance(), thresholds.minHumanPreference(),
                thresholds.maxExampleRegressions(), thresholds.maxSliceRegression(), thresholds.maxLatencyP95Ms(),
                thresholds.maxCostPer1kCallsUsd(), null, null, thresholds.minHumanReviews()).withDefaults();
    }

    /** These settings with every missing value taken from {@link #DEFAULTS}. */
    public GateSettings withDefaults() {
        return new GateSettings(
                minImprovement != null ? minImprovement : DEFAULTS.minImprovement,
                minFormatCompliance != null ? minFormatCompliance : DEFAULTS.minFormatCompliance,
                minHumanPreference != null ? minHumanPreference : DEFAULTS.minHumanPreference,
                maxExampleRegressions != null ? maxExampleRegressions : DEFAULTS.maxExampleRegressions,
                maxSliceRegression != null ? maxSliceRegression : DEFAULTS.maxSliceRegression,
                maxLatencyP95Ms, maxCostPer1kCallsUsd, minJudgeScore, minJudgePreference,
                minHumanReviews != null ? minHumanReviews : DEFAULTS.minHumanReviews);
    }
}
