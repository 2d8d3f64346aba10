package io.tuneforge.simulator.finetuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The `fine_tuning.job` object exactly as the API returns it. */
public record FineTuneJob(
        String id,
        String object,
        long createdAt,
        JobError error,
        String fineTunedModel,
        Long finishedAt,
        Hyperparameters hyperparameters,
        String model,
        String organizationId,
        List<String> resultFiles,
        long seed,
        String status,
        Long trainedTokens,
        String trainingFile,
        String validationFile,
        List<JsonNode> integrations,
        Map<String, String> metadata,
        JobMethod method,
        Long estimatedFinish,
        String userProvidedSuffix) {

    public static final List<String> ACTIVE = List.of("validating_files", "queued", "running", "paused");

    public boolean active() {
        return ACTIVE.contains(status);
    }

    public FineTuneJob withStatus(String newStatus) {
        return new FineTuneJob(id, object, createdAt, error, fineTunedModel, finishedAt, hyperparameters, model, organizationId,
                resultFiles, seed, newStatus, trainedTokens, trainingFile, validationFile, integrations, metadata, method,
                estimatedFinish, userProvidedSuffix);
    }

    public FineTuneJob withEstimatedFinish(Long when) {
        return new FineTuneJob(id, object, createdAt, error, fineTunedModel, finishedAt, hyperparameters, model, organizationId,
                resultFiles, seed, status, trainedTokens, trainingFile, validationFile, integrations, metadata, method,
                when, userProvidedSuffix);
    }

    public FineTuneJob withHyperparameters(Hyperparameters resolved) {
        return new FineTuneJob(id, object, createdAt, error, fineTunedModel, finishedAt, resolved, model, organizationId,
                resultFiles, seed, status, trainedTokens, trainingFile, validationFile, integrations, metadata,
                JobMethod.of(method.type(), resolved), estimatedFinish, userProvidedSuffix);
    }

    public FineTuneJob finished(String finalStatus, long at, JobError failure, String model, List<String> results, Long tokens) {
        return new FineTuneJob(id, object, createdAt, failure, model, at, hyperparameters, this.model, organizationId,
                results, seed, finalStatus, tokens, trainingFile, validationFile, integrations, metadata, method,
                null, userProvidedSuffix);
    }
}
