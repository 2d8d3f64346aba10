package io.tuneforge.training.provider;

import java.time.Instant;

/**
 * Everything needed to call one provider account. Holds the opened API key, so it lives only for the
 * call and {@link #toString()} never prints the key.
 */
public record ProviderConnection(String accountId, String kind, String baseUrl, String apiKey, String organization,
                                 String project, String azureApiVersion, int requestsPerMinute, Instant revision) {

    @Override
    public String toString() {
        return "ProviderConnection[account=" + accountId + ", kind=" + kind + ", baseUrl=" + baseUrl + "]";
    }
}
