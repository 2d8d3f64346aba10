package io.tuneforge.cost.catalog;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "tuneforge.cost")
public interface CostConfig {

    /**
     * Tenants whose API keys may edit the platform-wide model catalog (models and price versions).
     * Environment: {@code TUNEFORGE_COST_ADMIN_TENANTS} (comma-separated). Unset: nobody can edit, the
     * seeded catalog is read-only.
     */
    Optional<List<String>> adminTenants();
}
