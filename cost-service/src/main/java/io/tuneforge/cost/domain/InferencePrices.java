package io.tuneforge.cost.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** USD per 1M tokens for one way of calling a model (base or fine-tuned); null = unknown. */
public record InferencePrices(BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion, BigDecimal outputPerMillion) {

    /** The names of the prices that are unknown but needed for the given token counts. */
    public List<String> missingFor(long inputTokens, long cachedInputTokens, long outputTokens) {
        List<String> missing = new ArrayList<>();
        if (inputTokens > 0 && inputPerMillion == null) {
            missing.add("input");
        }
        if (cachedInputTokens > 0 && cachedInputPerMillion == null) {
            missing.add("cached_input");
        }
        if (outputTokens > 0 && outputPerMillion == null) {
            missing.add("output");
        }
        return missing;
    }

    /** Cost of the given tokens; only call when {@link #missingFor} is empty. */
    public BigDecimal costOf(long inputTokens, long cachedInputTokens, long outputTokens) {
        BigDecimal cost = BigDecimal.ZERO;
        if (inputTokens > 0) {
            cost = cost.add(Usd.forTokens(inputTokens, inputPerMillion));
        }
        if (cachedInputTokens > 0) {
            cost = cost.add(Usd.forTokens(cachedInputTokens, cachedInputPerMillion));
        }
        if (outputTokens > 0) {
            cost = cost.add(Usd.forTokens(outputTokens, outputPerMillion));
        }
        return cost;
    }
}
