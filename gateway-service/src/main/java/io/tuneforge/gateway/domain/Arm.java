package io.tuneforge.gateway.domain;

import java.util.Locale;

/** Which side of an alias served a call: its stable model, a rollout's candidate, or a model id called directly. */
public enum Arm {
    STABLE, CANDIDATE, DIRECT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
