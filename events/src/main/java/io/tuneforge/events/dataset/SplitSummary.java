package io.tuneforge.events.dataset;

/**
 * One split of a dataset version.
 *
 * @param name        {@code train}, {@code validation} or {@code test}
 * @param examples    examples in the split
 * @param tokens      tokens in the split (chat overhead included)
 * @param contentPath REST path on dataset-service that streams the split as JSONL
 */
public record SplitSummary(String name, long examples, long tokens, String contentPath) {
}
