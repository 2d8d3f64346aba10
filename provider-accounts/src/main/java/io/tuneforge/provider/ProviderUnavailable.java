package io.tuneforge.provider;

/** A transient failure (5xx, timeout, dropped connection) that outlived the bounded retries: try again later. */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
