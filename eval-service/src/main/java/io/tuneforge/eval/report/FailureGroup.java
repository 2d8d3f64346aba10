package io.tuneforge.eval.report;

import java.util.List;

/**
 * The failures of one kind for one model, with a few examples.
 *
 * @param kind {@code provider_error}, {@code format_violation}, {@code wrong_answer} or {@code regression}
 */
public record FailureGroup(String role, String model, String kind, int count, List<Example> examples) {

    /** One failed example: what was asked (the last user message), expected, answered, and why it failed. */
    public record Example(int idx, String prompt, String reference, String output, String detail) {
    }
}
