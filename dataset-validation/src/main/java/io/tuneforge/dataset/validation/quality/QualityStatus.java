package io.tuneforge.dataset.validation.quality;

/** Outcome of one row of the quality table. */
public enum QualityStatus {
    PASS,
    WARN,
    FAIL
}
