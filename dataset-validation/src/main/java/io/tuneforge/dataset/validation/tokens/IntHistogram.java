package io.tuneforge.dataset.validation.tokens;

import java.util.Map;
import java.util.TreeMap;

/**
 * Exact distribution of non-negative integers (tokens or messages per example) in bounded memory: a dense
 * count array for small values and a sorted map for the rare large ones. Quantiles are numpy's default
 * {@code linear} method including its {@code _lerp}, so results are bit-identical to {@code np.quantile}.
 */
public final class IntHistogram {

    private static final int DENSE = 1 << 15;

    private final long[] dense = new long[DENSE];
    private final TreeMap<Integer, Long> sparse = new TreeMap<>();
    private long count;
    private long sum;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;

    public void add(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        if (value < DENSE) {
            dense[value]++;
        } else {
            sparse.merge(value, 1L, Long::sum);
        }
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    public long count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    /** Null when empty (numpy would raise). */
    public Distribution distribution() {
        if (count == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution((double) min, (double) max, (double) sum / count,
                quantile(0.1), quantile(0.5), quantile(0.9));
    }

    double quantile(double q) {
        double virtual = (count - 1) * q;
        long lo = (long) Math.floor(virtual);
        long hi = Math.min(lo + 1, count - 1);
        double t = virtual - lo;
        double a = valueAt(lo);
        double b = valueAt(hi);
        double d = b - a;
        return t >= 0.5 ? b - d * (1 - t) : a + d * t;
    }

    /** The value at a 0-based rank in sorted order. */
    private int valueAt(long rank) {
        long seen = 0;
        int top = Math.min(max, DENSE - 1);
        for (int v = min < DENSE ? min : DENSE; v <= top; v++) {
            seen += dense[v];
            if (rank < seen) {
                return v;
            }
        }
        for (Map.Entry<Integer, Long> e : sparse.entrySet()) {
            seen += e.getValue();
            if (rank < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("rank " + rank + " outside " + count);
    }
}
