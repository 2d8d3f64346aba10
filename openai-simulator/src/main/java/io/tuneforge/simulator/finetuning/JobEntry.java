package io.tuneforge.simulator.finetuning;

/** A job and its progress, replaced as a whole on every change. */
public record JobEntry(SimulatedJob job, JobProgress progress) {}
