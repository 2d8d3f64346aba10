package io.tuneforge.provider;

/**
 * Which provider connection serves a tenant's calls: the provider account the caller names, looked up in
 * training-service ({@link AccountConnections}), or, without a training-service URL or an account, the one
 * connection from config ({@link FallbackConnection}).
 */
public interface ProviderConnections {

    /**
     * @param account the provider account id or name; may be null (the fallback connection)
     * @throws ProviderAccountUnusable the account does not exist for the tenant
     * @throws ProviderUnavailable     training-service did not answer: try again later
     */
    ProviderConnection connection(String tenantId, String account);
}
