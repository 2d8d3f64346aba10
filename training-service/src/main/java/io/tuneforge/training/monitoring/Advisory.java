package io.tuneforge.training.monitoring;

/** A diagnosis from a job's metrics: what was seen and what to do about it. */
public record Advisory(String code, String message, String advice, Integer bestEpoch) {
}
