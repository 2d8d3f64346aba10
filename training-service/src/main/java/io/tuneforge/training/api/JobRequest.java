package io.tuneforge.training.api;

import io.tuneforge.training.domain.Hyperparameters;

import java.util.Map;

/**
 * A job to create. The dataset version is named by {@code dataset_version_id} or by
 * {@code dataset_id} + {@code version}; {@code account_id} may be left out when the tenant has one account.
 */
public record JobRequest(String datasetId, Integer version, String datasetVersionId, String baseModel, String method,
                         Hyperparameters hyperparameters, String suffix, Long seed, Map<String, String> metadata,
                         Integer priority, String accountId, String modelName) {
}
