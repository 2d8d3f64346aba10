package io.tuneforge.gateway.feedback;

import java.util.Locale;
import java.util.Optional;

/**
 * A rating as given ({@code up}, {@code down}, or {@code 1}..{@code 5} stars) on one scale: score 0.0
 * (worst) to 1.0 (best); down and 1-2 stars are negative.
 */
public record Rating(String wire, double score, boolean negative) {

    public static Optional<Rating> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "up" -> Optional.of(new Rating("up", 1.0, false));
            case "down" -> Optional.of(new Rating("down", 0.0, true));
            case "1", "2", "3", "4", "5" -> {
                int stars = Integer.parseInt(v);
                yield Optional.of(new Rating(v, (stars - 1) / 4.0, stars <= 2));
            }
            default -> Optional.empty();
        };
    }
}
