package io.tuneforge.cost.estimate;

import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.ModelPrice;

import java.math.BigDecimal;

/**
 * Training cost on one candidate model. {@code price} is null when the model has no price version in
 * force; {@code perMillion} and {@code cost} are null when the training price is unknown.
 */
public record CandidateQuote(CatalogModel model, ModelPrice price, BigDecimal perMillion, BigDecimal cost) {

    public boolean known() {
        return cost != null;
    }
}
