package io.tuneforge.eval.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Latency summary in milliseconds. Percentiles use linear interpolation between closest ranks
 * (numpy's default "linear" method), so p50 of an even count is the mean of the two middle values.
 */
public record LatencyStats(long count, double avgMs, double p50Ms, double p95Ms, double maxMs) {

    public static LatencyStats of(List<Long> millis) {
        if (millis.isEmpty()) {
            return new LatencyStats(0, 0, 0, 0, 0);
        }
        double[] sorted = millis.stream().mapToDouble(Long::doubleValue).sorted().toArray();
        double avg = Arrays.stream(sorted).average().orElse(0);
        return new LatencyStats(sorted.length, avg, quantile(sorted, 0.5), quantile(sorted, 0.95), sorted[sorted.length - 1]);
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }
}
