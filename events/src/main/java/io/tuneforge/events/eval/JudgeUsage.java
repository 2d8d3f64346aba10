package io.tuneforge.events.eval;

/**
 * Tokens a judge model used in one evaluation (model-graded scores and pairwise preferences), so
 * cost-service can charge them as evaluation spend.
 *
 * @param model the judge model
 * @param calls judge calls made
 */
public record JudgeUsage(String model, long calls, long promptTokens, long completionTokens) {
}
