package io.tuneforge.training.upload;

/** A split could not be fetched from dataset-service; {@code retryable} when it may work later. */
public class SplitUnavailableException extends RuntimeException {

    private final boolean retryable;

    public SplitUnavailableException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
