package io.tuneforge.eval.metrics;

/**
 * One model's result on one example, as the metrics see it.
 *
 * @param category the example's slice, null when unsliced
 * @param output   the answer, null when the provider refused ({@code error} says why)
 */
public record ScoredAnswer(int idx, String reference, String category, String output, String error, Long latencyMs,
                           int promptTokens, int completionTokens) {

    public boolean answered() {
        return error == null && output != null;
    }

    public boolean correct() {
        return answered() && AnswerNormalizer.exactMatch(output, reference);
    }
}
