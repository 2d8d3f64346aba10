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
}
