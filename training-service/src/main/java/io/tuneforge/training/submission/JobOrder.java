package io.tuneforge.training.submission;

import io.tuneforge.training.domain.Hyperparameters;

import java.util.Map;

/**
 * A job to submit, as REST and pipelines alike ask for it; built by name ({@link #forTenant}). The data is named by
 * {@code datasetVersionId}, or by {@code datasetId} (+ {@code version}, else the newest); every other field may
 * be left out: method from the data, automatic hyperparameters, {@link #DEFAULT_PRIORITY}, the tenant's only
 * account, the data's name as the model name. {@code pipelineId} is the pipeline whose run asks (null: a direct job).
 */
public record JobOrder(String tenantId, String datasetId, Integer version, String datasetVersionId, String baseModel, String method,
                       Hyperparameters hyperparameters, String suffix, Long seed, Map<String, String> metadata, Integer priority,
                       String accountId, String modelName, String pipelineId) {

    /** Of 0..100, higher first. */
    public static final int DEFAULT_PRIORITY = 50;

    public static Builder forTenant(String tenantId) {
        return new Builder(tenantId);
    }

    public static final class Builder {
        private final String tenantId;
        private String datasetId;
        private Integer version;
        private String datasetVersionId;
        private String baseModel;
        private String method;
        private Hyperparameters hyperparameters;
        private String suffix;
        private Long seed;
        private Map<String, String> metadata;
        private Integer priority;
        private String accountId;
        private String modelName;
        private String pipelineId;

        private Builder(String tenantId) {
            this.tenantId = tenantId;
        }

        public Builder dataset(String datasetId, Integer version) {
            this.datasetId = datasetId;
            this.version = version;
            return this;
        }

        public Builder datasetVersion(String datasetVersionId) {
            this.datasetVersionId = datasetVersionId;
            return this;
        }

        public Builder baseModel(String baseModel) {
            this.baseModel = baseModel;
            return this;
        }

        public Builder method(String method) {
            this.method = method;
            return this;
        }

        public Builder hyperparameters(Hyperparameters hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        public Builder suffix(String suffix) {
            this.suffix = suffix;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder metadata(Map<String, String> metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder priority(Integer priority) {
            this.priority = priority;
            return this;
        }

        public Builder account(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder modelName(String modelName) {
            this.modelName = modelName;
            return this;
        }

        public Builder pipeline(String pipelineId) {
            this.pipelineId = pipelineId;
            return this;
        }

        public JobOrder build() {
            return new JobOrder(tenantId, datasetId, version, datasetVersionId, baseModel, method, hyperparameters, suffix, seed,
                    metadata, priority, accountId, modelName, pipelineId);
        }
    }
}
