package io.tuneforge.gateway.provider;

import java.util.Map;

/**
 * A chat call that did not succeed, already in OpenAI's error shape for the caller: the provider's own
 * status, error body and rate-limit headers, or the gateway's 502/503/504 when the provider could not be
 * reached or used.
 *
 * @param countsAsFailure whether it counts against a rollout's error-rate guard (the provider's fault:
 *                        5xx, timeout, unreachable), unlike a caller's invalid request
 */
public class UpstreamFailure extends RuntimeException {

    private final int status;
    private final String body;
    private final Map<String, String> headers;
    private final boolean countsAsFailure;

    public UpstreamFailure(int status, String body, Map<String, String> headers, boolean countsAsFailure) {
        super("upstream answered " + status);
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.countsAsFailure = countsAsFailure;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public boolean countsAsFailure() {
        return countsAsFailure;
    }
}
