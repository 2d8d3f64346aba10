package io.tuneforge.dataset.validation.pii;

/** A hit, with the value masked: reports must not become a second copy of the personal data. */
public record PiiMatch(PiiKind kind, String masked) {
}
