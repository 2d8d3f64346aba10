package io.tuneforge.eval.pricing;

import io.tuneforge.eval.metrics.Scorecard;

import java.util.Optional;

/** Inference prices of a model, empty when unknown (a cost is then shown as unknown, never as zero). */
public interface PriceCatalog {

    Optional<Scorecard.TokenPrices> pricesOf(String tenantId, String model);
}
