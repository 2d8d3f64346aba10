package io.tuneforge.cost.recommend;

import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.FineTuningMethod;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.cost.estimate.CandidateQuote;
import io.tuneforge.cost.estimate.TrainingCost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a use case's preference list and picks the first catalog model that meets every constraint;
 * the ones passed over are reported with the constraint they broke.
 */
public final class ModelRecommender {

    private ModelRecommender() {
    }

    /** Empty when no model fits; {@code rejected} then explains every candidate. */
    public static Optional<Recommendation> recommend(UseCase useCase, Constraints constraints, Instant at,
                                                     List<Recommendation.Rejection> rejected) {
        FineTuningMethod method = useCase == UseCase.VISION ? FineTuningMethod.VISION : constraints.method();
        for (String modelId : useCase.preference()) {
            Optional<CatalogModel> found = CatalogModel.findByIdOptional(modelId);
            if (found.isEmpty()) {
                rejected.add(new Recommendation.Rejection(modelId, "not in the model catalog"));
                continue;
            }
            CatalogModel model = found.get();
            List<String> broken = new ArrayList<>();
            if (method != null && !model.supports(method)) {
                broken.add("does not support " + method.wireName() + " fine-tuning (supports " + String.join(", ", model.methods()) + ")");
            }
            if (constraints.longestExampleTokens() != null && constraints.longestExampleTokens() > model.maxExampleTokens) {
                broken.add("longest example of " + constraints.longestExampleTokens() + " tokens exceeds its per-example limit of "
                        + model.maxExampleTokens);
            }
            if (constraints.contextTokens() != null && constraints.contextTokens() > model.contextWindow) {
                broken.add("needs " + constraints.contextTokens() + " tokens of context, it has " + model.contextWindow);
            }
            BigDecimal cost = null;
            if (constraints.trainedTokens() != null) {
                CandidateQuote quote = TrainingCost.quoteOne(model, constraints.trainedTokens(), at);
                cost = quote.cost();
                if (constraints.maxTrainingCost() != null) {
                    if (cost == null) {
                        broken.add("its training price is unknown, so it cannot be shown to fit the "
                                + Usd.format(constraints.maxTrainingCost()) + " USD limit");
                    } else if (cost.compareTo(constraints.maxTrainingCost()) > 0) {
                        broken.add("training would cost " + Usd.format(cost) + " USD, over the "
                                + Usd.format(constraints.maxTrainingCost()) + " USD limit");
                    }
                }
            }
            if (broken.isEmpty()) {
                String reason = modelId.equals(useCase.preference().get(0)) ? useCase.reason()
                        : useCase.reason() + " Recommending " + modelId + " instead, because "
                        + useCase.preference().get(0) + " was ruled out (see rejected).";
                return Optional.of(new Recommendation(useCase, model, reason, cost, List.copyOf(rejected)));
            }
            rejected.add(new Recommendation.Rejection(modelId, String.join("; ", broken)));
        }
        return Optional.empty();
    }
}
