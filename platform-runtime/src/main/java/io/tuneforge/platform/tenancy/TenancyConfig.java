package io.tuneforge.platform.tenancy;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "tuneforge.tenancy")
public interface TenancyConfig {

    /**
     * API keys, each {@code <tenant-id>:<sha256 hex of the key>}. Only hashes are configured, never
     * keys: {@code printf %s "$KEY" | sha256sum}. Environment: {@code TUNEFORGE_TENANCY_API_KEYS}
     * (comma-separated).
     */
    Optional<List<String>> apiKeys();

    /**
     * Keys of tuneforge services calling each other, each {@code <service-name>:<sha256 hex>}. A call
     * with a service key acts for the tenant named in its {@code X-Tuneforge-Tenant} header (for
     * example training-service fetching a tenant's training split from dataset-service).
     * Environment: {@code TUNEFORGE_TENANCY_SERVICE_KEYS}.
     */
    Optional<List<String>> serviceKeys();

    /**
     * This service's own key for calling other services (plaintext, from a secret).
     * Environment: {@code TUNEFORGE_TENANCY_SERVICE_KEY}.
     */
    Optional<String> serviceKey();
}
