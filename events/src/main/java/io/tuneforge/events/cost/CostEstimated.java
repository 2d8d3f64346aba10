package io.tuneforge.events.cost;

import io.tuneforge.events.EventPayload;

import java.time.Instant;
import java.util.List;

/**
 * The training cost of a validated dataset version was estimated for every candidate base model
 * that supports its method.
 *
 * @param datasetId        the dataset
 * @param datasetVersionId the validated version
 * @param version          its sequence number within the dataset
 * @param method           {@code supervised} or {@code dpo}
 * @param trainExamples    examples in the train split
 * @param tokensPerEpoch   billable tokens of one epoch
 * @param epochs           epochs {@code n_epochs: "auto"} resolves to
 * @param trainedTokens    tokens x epochs, what the provider will bill
 * @param candidates       cost per candidate model, cheapest known first
 * @param estimatedAt      when
 */
public record CostEstimated(
        String datasetId,
        String datasetVersionId,
        int version,
        String method,
        long trainExamples,
        long tokensPerEpoch,
        int epochs,
        long trainedTokens,
        List<CandidateCost> candidates,
        Instant estimatedAt) implements EventPayload {

    public CostEstimated {
        candidates = List.copyOf(candidates);
    }

    @Override
    public String subject() {
        return datasetId;
    }
}
