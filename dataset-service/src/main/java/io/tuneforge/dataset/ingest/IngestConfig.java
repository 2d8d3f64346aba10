package io.tuneforge.dataset.ingest;

import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * Largest content of one version, decompressed (and largest request body as sent): OpenAI's file limit, since a
     * larger training file could not be uploaded to the provider anyway. A gzip upload is decompressed only up to it.
     */
    @WithDefault("512M")
    MemorySize maxContentSize();

    /**
     * Longest line (one example). Validating a line holds it several times over (bytes, parsed tree, text for the
     * tokenizer) on each worker, with a few batches in flight, so the default stays far below what a 256 MB heap
     * holds; it still admits a ~6 MB base64 image inline (OpenAI's per-image limit is 10 MB).
     */
    @WithDefault("8M")
    MemorySize maxLineSize();

    /**
     * Most lines of one version. The split keeps ~150 bytes per example in memory while it is computed (fingerprints,
     * SimHash index, groups), so this bounds that memory whatever the lines' size.
     */
    @WithDefault("1000000")
    long maxLines();
}
