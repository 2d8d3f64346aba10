package io.tuneforge.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Skips relay runs when relaying is switched off in configuration or paused by an operator. */
@Singleton
public class OutboxRelayDisabled implements Scheduled.SkipPredicate {

    @Inject
    OutboxConfig config;

    @Inject
    OutboxRelay relay;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.relayEnabled() || relay.isPaused();
    }
}
