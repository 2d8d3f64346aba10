package io.tuneforge.cli.api;

/**
 * Where a service is and the key to present.
 *
 * @param source where the URL came from (flag, environment, stack state, default), for messages
 */
public record Endpoint(String service, String baseUrl, String apiKey, String source) {

    public Endpoint {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
