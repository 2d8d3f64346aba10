package io.tuneforge.eval.provider;

import com.openai.core.http.Headers;

import java.time.Duration;

/** The wait a 429 asks for: {@code retry-after-ms}, else {@code retry-after} seconds, else one second. */
final class RetryAfter {

    static final Duration DEFAULT = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(1);

    private RetryAfter() {
    }

    static Duration of(Headers headers) {
        try {
            if (!headers.values("retry-after-ms").isEmpty()) {
                return cap(Duration.ofMillis((long) Double.parseDouble(headers.values("retry-after-ms").get(0))));
            }
            if (!headers.values("retry-after").isEmpty()) {
                return cap(Duration.ofMillis((long) (Double.parseDouble(headers.values("retry-after").get(0)) * 1000)));
            }
        } catch (NumberFormatException e) {
            // An HTTP date or garbage: fall back to the default rather than guessing.
        }
        return DEFAULT;
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait.isNegative() ? Duration.ZERO : wait;
    }
}
