package io.tuneforge.events.dataset;

/** A validation finding code (e.g. {@code duplicate_example}) and how many times it occurred. */
public record FindingCount(String code, long count) {
}
