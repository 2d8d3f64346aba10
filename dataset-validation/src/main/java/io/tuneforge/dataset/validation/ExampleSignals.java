package io.tuneforge.dataset.validation;

import io.tuneforge.dataset.validation.format.DatasetKind;

/**
 * What the validator learned about one example line, for a caller that stores the examples (dataset-service):
 * everything splitting and diffing need, so the stored content never has to be parsed or tokenized again.
 *
 * @param line              1-based line of the validated file
 * @param kind              chat or preference example
 * @param tokens            the example's tokens in the validated encoding (the cookbook-style count)
 * @param fingerprint       structural fingerprint of the whole example (key order and whitespace do not matter)
 * @param promptFingerprint what the model sees before its (last) reply; the whole example's when there is no reply
 * @param nearText          SimHash of the dialogue, 0 when too short to compare
 * @param category          label field or short final answer, null when none
 * @param clean             no ERROR finding on the line (an example that would be trained on as it is)
 * @param normalizedContent the line rewritten to OpenAI's shape when the validator accepted a shorthand (a preference
 *                          example's bare {@code input} list); null when the line is stored as it is
 */
public record ExampleSignals(long line, DatasetKind kind, int tokens, long fingerprint, long promptFingerprint, long nearText,
                             String category, boolean clean, String normalizedContent) {
}
