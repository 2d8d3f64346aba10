package io.tuneforge.eval.provider;

import java.util.Optional;

/** Where and as whom to call a provider. The key is never logged (see {@link #toString()}). */
public record ProviderConnection(String baseUrl, String apiKey, Optional<String> organization) {

    @Override
    public String toString() {
        return "ProviderConnection[" + baseUrl + ", organization=" + organization.orElse("-") + "]";
    }
}
