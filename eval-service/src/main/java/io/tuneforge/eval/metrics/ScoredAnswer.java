package io.tuneforge.eval.metrics;

/**
 * One model's result on one example, as the metrics see it.
 *
 * @param category the example's slice, null when unsliced
 * @param output   the answer, null when the provider refused ({@code error} says why)
 * @param rejected from a preference test split, the non-preferred answer ({@code reference} is the preferred
 *                 one); null for supervised examples
 */
public record ScoredAnswer(int idx, String reference, String category, String output, String error, Long latencyMs,
                           int promptTokens, int completionTokens, String rejected) {

    public ScoredAnswer(int idx, String reference, String category, String output, String error, Long latencyMs,
                        int promptTokens, int completionTokens) {
        this(idx, reference, category, output, error, latencyMs, promptTokens, completionTokens, null);
    }

    public boolean answered() {
        return error == null && output != null;
    }

    public boolean correct() {
        return answered() && AnswerNormalizer.exactMatch(output, reference);
    }
}
