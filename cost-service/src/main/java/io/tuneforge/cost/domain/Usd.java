package io.tuneforge.cost.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in US dollars as exact decimals. Prices are quoted per 1M tokens, so a cost is
 * {@code tokens x price / 1,000,000}: a shift of the decimal point, which never rounds.
 */
public final class Usd {

    private static final int TOKENS_PER_PRICE_UNIT_DIGITS = 6;

    private Usd() {
    }

    /** What {@code tokens} cost at {@code perMillion} USD per 1M tokens, exactly. */
    public static BigDecimal forTokens(long tokens, BigDecimal perMillion) {
        return perMillion.multiply(BigDecimal.valueOf(tokens)).movePointLeft(TOKENS_PER_PRICE_UNIT_DIGITS);
    }

    /** The decimal string money travels as (REST and events): plain notation, at least cents, no float. */
    public static String format(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }

    /** {@code part / whole} in percent with two decimals (for thresholds and errors, not money). */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
    }
}
