package io.tuneforge.eval.provider;

/** The run's provider account cannot be used (unknown to training-service, or none named when one is required). */
public class ProviderAccountUnusable extends RuntimeException {

    public ProviderAccountUnusable(String message) {
        super(message);
    }
}
