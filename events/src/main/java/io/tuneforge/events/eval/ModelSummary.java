package io.tuneforge.events.eval;

/**
 * Key metrics of one model in an evaluation. A metric that does not apply to the task is null;
 * cost is null when the model's price is unknown (never reported as zero).
 *
 * @param role {@code candidate}, {@code baseline} or {@code production}
 */
public record ModelSummary(
        String role,
        String model,
        int examples,
        int errors,
        Double exactMatch,
        Double accuracy,
        Double formatCompliance,
        Double rougeL,
        Double latencyP95Ms,
        long promptTokens,
        long completionTokens,
        String costPer1kCallsUsd) {
}
