package io.tuneforge.cost.estimate;

import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.InferencePrices;
import io.tuneforge.cost.domain.ModelPrice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Monthly inference cost = requests/month x (input x input price + cached input x cached price +
 * output x output price) / 1M, with the base or the fine-tuned prices of the model in force at {@code at}.
 *
 * @param cost    null when a needed price is unknown ({@code missing} names which)
 * @param missing prices that are unknown, e.g. {@code gpt-4.1-mini fine-tuned output}
 */
public record MonthlyInferenceCost(CatalogModel model, boolean fineTuned, BigDecimal cost, List<String> missing) {

    public static MonthlyInferenceCost of(CatalogModel model, boolean fineTuned, long requestsPerMonth,
                                          InferenceLoad perRequest, Instant at) {
        long input = Math.multiplyExact(requestsPerMonth, perRequest.inputTokens());
        long cached = Math.multiplyExact(requestsPerMonth, perRequest.cachedInputTokens());
        long output = Math.multiplyExact(requestsPerMonth, perRequest.outputTokens());
        String variant = model.modelId + (fineTuned ? " fine-tuned " : " base ");
        InferencePrices prices = ModelPrice.inForce(model.modelId, at).map(p -> p.inference(fineTuned)).orElse(null);
        if (prices == null) {
            return new MonthlyInferenceCost(model, fineTuned, null, List.of(variant + "prices (no price version in force)"));
        }
        List<String> missing = prices.missingFor(input, cached, output).stream().map(p -> variant + p).toList();
        return new MonthlyInferenceCost(model, fineTuned, missing.isEmpty() ? prices.costOf(input, cached, output) : null, missing);
    }
}
