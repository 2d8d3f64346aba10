package io.tuneforge.cost.estimate;

import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.FineTuningMethod;
import io.tuneforge.cost.domain.ModelPrice;
import io.tuneforge.cost.domain.Usd;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Training cost = trained tokens (billable tokens per epoch x epochs) x the training price in force, per model. */
public final class TrainingCost {

    private TrainingCost() {
    }

    /** Every catalog model that supports {@code method}, cheapest known cost first, unknown prices last. */
    public static List<CandidateQuote> quoteAll(FineTuningMethod method, long trainedTokens, Instant at) {
        return quote(CatalogModel.all().stream().filter(m -> m.supports(method)).toList(), trainedTokens, at);
    }

    public static List<CandidateQuote> quote(List<CatalogModel> models, long trainedTokens, Instant at) {
        return models.stream()
                .map(model -> quoteOne(model, trainedTokens, at))
                .sorted(Comparator.comparing(CandidateQuote::cost, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(q -> q.model().modelId))
                .toList();
    }

    public static CandidateQuote quoteOne(CatalogModel model, long trainedTokens, Instant at) {
        ModelPrice price = ModelPrice.inForce(model.modelId, at).orElse(null);
        BigDecimal perMillion = price == null ? null : price.trainingPerMillion;
        BigDecimal cost = perMillion == null ? null : Usd.forTokens(trainedTokens, perMillion);
        return new CandidateQuote(model, price, perMillion, cost);
    }
}
