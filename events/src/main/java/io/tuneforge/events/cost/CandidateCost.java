package io.tuneforge.events.cost;

/**
 * What training on one candidate base model would cost. Money is a decimal string in US dollars
 * (exact: never round-tripped through a float); {@code null} means the price is not known, never zero.
 *
 * @param model              catalog model id, e.g. {@code gpt-4.1-mini}
 * @param snapshot           the dated snapshot jobs are created with, e.g. {@code gpt-4.1-mini-2025-04-14}
 * @param trainingUsdPerMillion USD per 1M trained tokens in force when estimated, or null when unknown
 * @param trainingCostUsd    trained tokens x price, or null when the price is unknown
 * @param priceSource        where the price comes from (the catalog's source note), or null when unknown
 */
public record CandidateCost(
        String model,
        String snapshot,
        String trainingUsdPerMillion,
        String trainingCostUsd,
        String priceSource) {
}
