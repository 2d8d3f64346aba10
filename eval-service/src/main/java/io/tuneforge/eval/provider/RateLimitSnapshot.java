package io.tuneforge.eval.provider;

import com.openai.core.http.Headers;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the provider's {@code x-ratelimit-*} response headers say is left of the current window, so the
 * run can slow down before a 429 rather than after it. Missing headers are unknown (empty), never zero.
 *
 * @param resetRequests time until the request budget is replenished (OpenAI's "6m0s", "1.5s", "120ms" format)
 */
public record RateLimitSnapshot(Optional<Long> remainingRequests, Optional<Duration> resetRequests,
                                Optional<Long> remainingTokens, Optional<Duration> resetTokens) {

    public static final RateLimitSnapshot UNKNOWN = new RateLimitSnapshot(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    public static RateLimitSnapshot of(Headers headers) {
        return new RateLimitSnapshot(number(headers, "x-ratelimit-remaining-requests"), duration(headers, "x-ratelimit-reset-requests"),
                number(headers, "x-ratelimit-remaining-tokens"), duration(headers, "x-ratelimit-reset-tokens"));
    }

    /** OpenAI's reset format: a sequence of number+unit parts ("1m30s", "250ms", "0.5s"); empty when unreadable. */
    static Optional<Duration> parseDuration(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(value.trim());
        double millis = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return Optional.empty();
            }
            double n = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1_000;
                case "m" -> n * 60_000;
                default -> n * 3_600_000;
            };
            end = m.end();
        }
        return end == value.trim().length() && end > 0 ? Optional.of(Duration.ofMillis((long) Math.ceil(millis))) : Optional.empty();
    }

    private static Optional<Long> number(Headers headers, String name) {
        try {
            return headers.values(name).isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(headers.values(name).get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> duration(Headers headers, String name) {
        return headers.values(name).isEmpty() ? Optional.empty() : parseDuration(headers.values(name).get(0));
    }
}
