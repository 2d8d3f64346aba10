package io.tuneforge.simulator.limits;

/** A response to a POST with an Idempotency-Key, replayed when the same key comes again. */
public record RememberedResponse(String key, int status, String contentType, String body, long storedAt) {}
