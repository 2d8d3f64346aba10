package io.tuneforge.dataset.validation.pii;

/**
 * A hit, with the value masked: reports must not become a second copy of the personal data. {@code start} and
 * {@code end} locate the value in the scanned text (end exclusive), for redaction.
 */
public record PiiMatch(PiiKind kind, String masked, int start, int end) {
}
