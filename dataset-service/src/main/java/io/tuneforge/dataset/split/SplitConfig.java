package io.tuneforge.dataset.split;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tuneforge.dataset.split")
public interface SplitConfig {

    @WithDefault("42")
    long seed();

    /** Share of examples held out for evaluation. */
    @WithDefault("10")
    int testPercent();

    /** Share of examples used as the provider's validation file. */
    @WithDefault("10")
    int validationPercent();
}
