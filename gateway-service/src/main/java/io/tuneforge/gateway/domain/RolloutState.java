package io.tuneforge.gateway.domain;

import java.util.Locale;

/** active → (paused ⇄ active) → completed | rolled_back. Only active rollouts are advanced by the scheduler. */
public enum RolloutState {
    ACTIVE, PAUSED, COMPLETED, ROLLED_BACK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RolloutState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    public boolean live() {
        return this == ACTIVE || this == PAUSED;
    }
}
