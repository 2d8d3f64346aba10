package io.tuneforge.provider;

import java.util.Optional;

/**
 * Where and as whom to call a provider: a training-service provider account, or the configured fallback.
 * The key is never logged (see {@link #toString()}) and never persisted.
 *
 * @param account           the provider account's id; {@code configured} for the fallback from config
 * @param kind              {@code openai}, {@code azure} or {@code compatible}
 * @param azureApiVersion   the Azure OpenAI {@code api-version}, for kind azure
 * @param requestsPerMinute the account's own request budget, when it has one
 */
public record ProviderConnection(String account, String kind, String baseUrl, String apiKey, Optional<String> organization,
                                 Optional<String> project, Optional<String> azureApiVersion, Optional<Integer> requestsPerMinute) {

    /** Whether this is the operator's connection from config rather than a tenant's own provider account. */
    public boolean fallback() {
        return FallbackConnection.ACCOUNT.equals(account);
    }

    public boolean azure() {
        return "azure".equals(kind);
    }

    @Override
    public String toString() {
        return "ProviderConnection[" + account + ", " + kind + ", " + baseUrl + ", organization=" + organization.orElse("-") + "]";
    }
}
