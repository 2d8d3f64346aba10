package io.tuneforge.dataset.split;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many examples a version holds out for evaluation: a fraction of its examples ({@code 0 < f < 1}, at most 4
 * decimals) or a count ({@code >= 1}, a whole number), the convention of scikit-learn's {@code test_size}. Written
 * and read as one JSON number ({@code 0.15}, {@code 500}).
 */
public final class TestSize {

    private static final int MAX_DECIMALS = 4;

    private final BigDecimal fraction;
    private final Long count;

    private TestSize(BigDecimal fraction, Long count) {
        this.fraction = fraction;
        this.count = count;
    }

    public static TestSize ofPercent(int percent) {
        return new TestSize(BigDecimal.valueOf(percent, 2), null);
    }

    public static TestSize ofStored(BigDecimal fraction, Long count) {
        return fraction == null && count == null ? null : new TestSize(fraction, count);
    }

    /**
     * Parses a request's value.
     *
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public static TestSize parse(BigDecimal value) {
        if (value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0) {
            BigDecimal f = value.stripTrailingZeros();
            if (f.scale() > MAX_DECIMALS) {
                throw new IllegalArgumentException("a fraction has at most " + MAX_DECIMALS + " decimals, e.g. 0.15; got " + value.toPlainString());
            }
            return new TestSize(f, null);
        }
        if (value.compareTo(BigDecimal.ONE) >= 0 && value.stripTrailingZeros().scale() <= 0) {
            try {
                return new TestSize(null, value.longValueExact());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("count " + value.toPlainString() + " is too large");
            }
        }
        throw new IllegalArgumentException("must be a fraction of the examples between 0 and 1 (e.g. 0.15) or a whole "
                + "number of examples of at least 1 (e.g. 500); got " + value.toPlainString());
    }

    public static TestSize parse(String value) {
        try {
            return parse(new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number: a fraction between 0 and 1 (e.g. 0.15) or a whole number "
                    + "of examples (e.g. 500); got '" + value + "'");
        }
    }

    /** The fraction, or null for a count. */
    public BigDecimal fraction() {
        return fraction;
    }

    /** The count, or null for a fraction. */
    public Long count() {
        return count;
    }

    /** As served: the fraction or the count. */
    public Number value() {
        return fraction != null ? fraction.stripTrailingZeros() : count;
    }

    /** Examples held out of {@code n}: the count, or the fraction of n rounded half up. */
    long target(long n) {
        return count != null ? count : BigDecimal.valueOf(n).multiply(fraction).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The share of a stratum of size {@code size} out of {@code n}, as numerator / denominator of size. */
    long numerator(long n) {
        return count != null ? count : fraction.unscaledValue().longValueExact();
    }

    long denominator(long n) {
        return count != null ? n : BigDecimal.ONE.scaleByPowerOfTen(fraction.scale()).longValueExact();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestSize t && java.util.Objects.equals(count, t.count)
                && (fraction == null ? t.fraction == null : t.fraction != null && fraction.compareTo(t.fraction) == 0);
    }

    @Override
    public int hashCode() {
        return count != null ? count.hashCode() : fraction.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return fraction != null ? fraction.toPlainString() : Long.toString(count);
    }
}
