package io.tuneforge.dataset.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tuneforge.dataset.ingest")
public interface IngestConfig {

    /**
     * Longest the transaction that stores one version may run: a 300 MB upload writes ~10^5-10^6 rows in it,
     * far beyond the default 60 s transaction timeout.
     */
    @WithDefault("PT30M")
    Duration storeTimeout();
}
