package io.tuneforge.cost.recommend;

import io.tuneforge.cost.domain.CatalogModel;

import java.math.BigDecimal;
import java.util.List;

/**
 * The model to fine-tune for a use case, why, and why each better-ranked model was passed over.
 *
 * @param trainingCost the training cost for the given trained tokens, null when not asked or unknown
 */
public record Recommendation(UseCase useCase, CatalogModel model, String reason, BigDecimal trainingCost,
                             List<Rejection> rejected) {

    public record Rejection(String model, String reason) {
    }
}
