package io.tuneforge.provider;

/** The named provider account cannot be used (unknown to training-service for this tenant, or refused). */
public class ProviderAccountUnusable extends RuntimeException {

    public ProviderAccountUnusable(String message) {
        super(message);
    }
}
