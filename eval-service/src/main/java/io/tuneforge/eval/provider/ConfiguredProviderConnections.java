package io.tuneforge.eval.provider;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * One connection for every tenant, from {@code tuneforge.eval.provider.*}: the local stack points it at
 * openai-simulator. To be replaced by training-service's per-tenant provider accounts.
 */
@ApplicationScoped
public class ConfiguredProviderConnections implements ProviderConnections {

    @ConfigProperty(name = "tuneforge.eval.provider.base-url")
    String baseUrl;

    @ConfigProperty(name = "tuneforge.eval.provider.api-key")
    String apiKey;

    @ConfigProperty(name = "tuneforge.eval.provider.organization")
    Optional<String> organization;

    @Override
    public ProviderConnection forTenant(String tenantId) {
        return new ProviderConnection(baseUrl, apiKey, organization.filter(o -> !o.isBlank()));
    }
}
