package io.tuneforge.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tuneforge.outbox")
public interface OutboxConfig {

    /** Name of this service, used as the CloudEvents source ({@code /tuneforge/<name>}). */
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /** Whether this instance relays. Off only for tests that simulate a crash before publishing. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events read per transaction. */
    @WithDefault("100")
    int batchSize();

    /** How long to wait for the broker's acknowledgement of one event. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Upper bound of the retry backoff of an event the broker refused. */
    @WithDefault("60s")
    Duration maxBackoff();
}
