package io.tuneforge.platform.loops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tuneforge.loops")
public interface LoopsConfig {

    /**
     * A loop is stalled (liveness DOWN) when it has completed no iteration for this many of its
     * intervals (or {@link #minStall()}, whichever is longer).
     */
    @WithDefault("10")
    int stallFactor();

    /**
     * The shortest silence counted as a stall, whatever the interval: one iteration may legitimately
     * take this long (a batch of broker sends, a provider call with its timeout).
     */
    @WithDefault("60s")
    Duration minStall();
}
