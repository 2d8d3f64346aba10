package io.tuneforge.eval.provider;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The fallback when no training-service URL is configured: one connection for every tenant and account,
 * from {@code tuneforge.eval.provider.*} (the local demo and the tests point it at openai-simulator).
 */
@ApplicationScoped
public class ConfiguredProviderConnections {

    @ConfigProperty(name = "tuneforge.eval.provider.base-url")
    String baseUrl;

    @ConfigProperty(name = "tuneforge.eval.provider.api-key")
    String apiKey;

    @ConfigProperty(name = "tuneforge.eval.provider.organization")
    Optional<String> organization;

    public ProviderConnection connection() {
        return new ProviderConnection("configured", "openai", baseUrl, apiKey, organization.filter(o -> !o.isBlank()),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
