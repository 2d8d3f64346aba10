package io.tuneforge.provider;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The connection used when no provider account applies (no training-service URL configured, or a caller
 * that names no account): one connection from {@code tuneforge.provider.fallback.*}, which each service
 * points at OPENAI_BASE_URL / OPENAI_API_KEY (the simulator locally and in tests, or a real provider).
 */
@ApplicationScoped
public class FallbackConnection {

    /** The account id the fallback connection carries; training-service account ids never look like it (they are {@code acct_...}). */
    public static final String ACCOUNT = "configured";

    @ConfigProperty(name = "tuneforge.provider.fallback.base-url")
    String baseUrl;

    @ConfigProperty(name = "tuneforge.provider.fallback.api-key")
    String apiKey;

    @ConfigProperty(name = "tuneforge.provider.fallback.organization")
    Optional<String> organization;

    public ProviderConnection connection() {
        return new ProviderConnection(ACCOUNT, "openai", baseUrl, apiKey, organization.filter(o -> !o.isBlank()),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
