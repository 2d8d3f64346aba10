package io.tuneforge.training.provider;

import java.time.Duration;

/**
 * A provider call that did not succeed, sorted by what the caller should do: wait and retry
 * ({@link Kind#RATE_LIMITED}, {@link Kind#TRANSIENT}) or give up ({@link Kind#REJECTED}).
 */
public class ProviderException extends RuntimeException {

    public enum Kind { RATE_LIMITED, TRANSIENT, REJECTED }

    private final Kind kind;
    private final int status;
    private final String code;
    private final Duration retryAfter;

    public ProviderException(Kind kind, int status, String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The provider's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind != Kind.REJECTED;
    }
}
