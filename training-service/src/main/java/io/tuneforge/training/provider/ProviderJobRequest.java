package io.tuneforge.training.provider;

import java.util.Map;

/**
 * A job creation. {@code method} is OpenAI's method object ({type, supervised|dpo: {hyperparameters}});
 * {@code idempotencyKey} makes a repeated creation return the first job instead of a second one.
 */
public record ProviderJobRequest(String model, String trainingFile, String validationFile, Map<String, Object> method,
                                 String suffix, Long seed, Map<String, String> metadata, String idempotencyKey) {
}
