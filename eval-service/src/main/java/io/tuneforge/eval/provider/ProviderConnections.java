package io.tuneforge.eval.provider;

/**
 * Which provider connection evaluates a tenant's models. Provider accounts belong to training-service;
 * until eval-service reads them from there, {@link ConfiguredProviderConnections} answers from config.
 */
public interface ProviderConnections {

    ProviderConnection forTenant(String tenantId);
}
