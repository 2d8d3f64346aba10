package io.tuneforge.gateway.domain;

/**
 * Whether an alias captures exchanges (the request's messages and tools and the answer served) and how long
 * an exchange captured now is kept. Off unless a tenant turns it on: prompts may hold personal data, and a
 * captured exchange leaves the gateway inside {@code feedback.recorded} when the completion is rated.
 *
 * @param retentionDays days a captured exchange is kept; fixed on the exchange when it is captured
 */
public record CaptureSetting(boolean enabled, int retentionDays) {

    public static final int DEFAULT_RETENTION_DAYS = 30;
    public static final int MIN_RETENTION_DAYS = 1;
    public static final int MAX_RETENTION_DAYS = 365;

    /** What an alias has until it is told otherwise, and what a direct call (no alias) always has. */
    public static final CaptureSetting OFF = new CaptureSetting(false, DEFAULT_RETENTION_DAYS);
}
