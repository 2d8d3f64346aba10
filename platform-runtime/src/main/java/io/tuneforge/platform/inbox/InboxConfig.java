package io.tuneforge.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tuneforge.inbox")
public interface InboxConfig {

    /** Attempts (each in a fresh transaction) before a failing event goes to its dead-letter topic. */
    @WithDefault("4")
    int maxAttempts();

    /** Delay before the second attempt; doubles for each further one. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /**
     * Longest pause between two tries of an event held back because the database, the broker or the
     * transaction manager is unavailable (those tries are not counted against {@link #maxAttempts()}
     * and go on until the dependency is back).
     */
    @WithDefault("10s")
    Duration outageMaxBackoff();
}
