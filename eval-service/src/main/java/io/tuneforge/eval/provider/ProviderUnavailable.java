package io.tuneforge.eval.provider;

/** A transient failure (5xx, timeout, dropped connection) that outlived the client's retries: retry the sample later. */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
