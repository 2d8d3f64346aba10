package io.tuneforge.eval.provider;

import java.time.Duration;

/** The provider asked us to slow down (429 after the client's own retries): try the call again later. */
public class ProviderThrottled extends RuntimeException {

    private final Duration retryAfter;

    public ProviderThrottled(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
