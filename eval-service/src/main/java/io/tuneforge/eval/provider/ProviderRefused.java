package io.tuneforge.eval.provider;

/**
 * The provider refused this call for good (4xx other than 429): retrying cannot help.
 *
 * @see #modelMissing() a missing model fails the whole run, other refusals only the sample
 */
public class ProviderRefused extends RuntimeException {

    private final int status;

    public ProviderRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean modelMissing() {
        return status == 404;
    }
}
