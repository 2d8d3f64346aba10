package io.tuneforge.dataset.validation.report;

import io.tuneforge.dataset.validation.tokens.Distribution;

/**
 * Token counts over the examples with a usable conversation, for the chosen encoding. Per example: 3 per message,
 * every string value (role, content, name, tool call id), 1 per name, tool call names and arguments, text parts,
 * the tools declaration, and 3 for reply priming (the cookbook's estimate, extended to tools).
 *
 * @param trainedTokens         tokens of assistant replies with weight 1 (what the model learns to produce)
 * @param estimatedEpochs       OpenAI's default epochs for this many examples ("auto")
 * @param billingTokensPerEpoch sum over examples of min(tokens, limit)
 */
public record TokenReport(String encoding, int maxTokensPerExample, long examplesMeasured, long totalTokens, long trainedTokens,
                          long examplesOverLimit, long examplesOverLongThreshold, Distribution tokensPerExample,
                          Integer estimatedEpochs, long billingTokensPerEpoch, Long estimatedTrainingTokens) {
}
