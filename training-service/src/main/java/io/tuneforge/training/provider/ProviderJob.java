package io.tuneforge.training.provider;

/** The provider's view of a job, as far as tuneforge needs it. */
public record ProviderJob(String id, String status, String fineTunedModel, Long trainedTokens, Integer nEpochs,
                          String errorCode, String errorMessage, String errorParam) {
}
