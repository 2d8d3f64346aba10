package io.tuneforge.eval.domain;

import java.util.Locale;

/** Where an evaluation run is. Only queued and running runs are picked up by the worker. */
public enum EvalState {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EvalState ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
