package io.tuneforge.simulator.learning;

public enum TrainingMethod {
    SUPERVISED, DPO;

    public String wireName() {
        return name().toLowerCase();
    }
}
