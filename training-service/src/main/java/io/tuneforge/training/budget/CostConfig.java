package io.tuneforge.training.budget;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The budget check at cost-service before a job takes a provider slot (README, "Budget"). */
@ConfigMapping(prefix = "tuneforge.training.cost")
public interface CostConfig {

    /** cost-service's base URL; unset: no reservation is made and jobs are admitted without a budget check. */
    Optional<String> url();

    @WithDefault("2s")
    Duration connectTimeout();

    /** The whole reservation call. */
    @WithDefault("5s")
    Duration timeout();

    /** A job cost-service held is asked about again after this at the latest (sooner on budget.restored). */
    @WithDefault("5m")
    Duration recheckInterval();

    /** First wait after cost-service could not be asked; doubles per failure up to recheck-interval. */
    @WithDefault("2s")
    Duration backoff();
}
