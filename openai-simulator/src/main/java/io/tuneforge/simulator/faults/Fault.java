package io.tuneforge.simulator.faults;

public record Fault(FaultKind kind, long delayMillis) {}
