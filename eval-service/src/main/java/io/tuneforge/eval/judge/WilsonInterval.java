package io.tuneforge.eval.judge;

/**
 * The Wilson score interval of a proportion (Wilson 1927): unlike the normal approximation it stays
 * inside [0, 1] and behaves with few verdicts, which is what human review and judge preference rates have.
 */
public record WilsonInterval(long trials, double rate, double lower, double upper) {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    public static WilsonInterval of(long successes, long trials) {
        if (trials == 0) {
            return new WilsonInterval(0, 0, 0, 1);
        }
        double p = (double) successes / trials;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        return new WilsonInterval(trials, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
