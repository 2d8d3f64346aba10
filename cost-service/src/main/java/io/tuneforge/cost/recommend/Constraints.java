package io.tuneforge.cost.recommend;

import io.tuneforge.cost.domain.FineTuningMethod;

import java.math.BigDecimal;

/**
 * What the chosen model must satisfy; every field is optional (null = no constraint).
 *
 * @param method               the fine-tuning method the data is for
 * @param longestExampleTokens the longest training example, must fit the model's per-example limit
 * @param contextTokens        the longest prompt + answer at inference, must fit the context window
 * @param trainedTokens        tokens x epochs, needed with {@code maxTrainingCost}
 * @param maxTrainingCost      the most a training run may cost, USD
 */
public record Constraints(FineTuningMethod method, Long longestExampleTokens, Long contextTokens, Long trainedTokens,
                          BigDecimal maxTrainingCost) {
}
