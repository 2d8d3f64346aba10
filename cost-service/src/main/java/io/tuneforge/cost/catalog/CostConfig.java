package io.tuneforge.cost.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
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

    /**
     * How often each replica looks for budgets exceeded in an earlier month, to announce that a new
     * month restored them ({@code budget.restored}, reason {@code new_month}). Environment:
     * {@code TUNEFORGE_COST_RESTORE_CHECK_EVERY}. Read by {@code NewMonthCheck}'s schedule.
     */
    @WithDefault("60s")
    Duration restoreCheckEvery();
}
