package io.tuneforge.eval.domain;

/** Where an evaluation run is. Only queued and running runs are picked up by the worker. */
public enum EvalState {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public String wire() {
        return name().toLowerCase();
    }

    public static EvalState ofWire(String value) {
        return valueOf(value.toUpperCase());
    }
}
