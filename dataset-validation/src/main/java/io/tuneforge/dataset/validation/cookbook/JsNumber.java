package io.tuneforge.dataset.validation.cookbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly as JavaScript's Number.prototype.toString (ECMA-262 Number::toString): the shortest
 * digits that round-trip, plain notation between 1e-7 and 1e21, integers without ".0". JDK 17's
 * Double.toString is neither shortest in every case nor JS-shaped, and the reference summary is compared as text.
 */
public final class JsNumber {

    private JsNumber() {
    }

    public static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null"; // what JSON.stringify writes
        }
        if (d == 0) {
            return "0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal shortest = null;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == Math.abs(d)) {
                shortest = candidate;
                break;
            }
        }
        if (shortest == null) {
            shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits * 10^n
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }
}
