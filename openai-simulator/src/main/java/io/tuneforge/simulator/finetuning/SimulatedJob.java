package io.tuneforge.simulator.finetuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The `fine_tuning.job` object exactly as the API returns it. */
public record SimulatedJob(
        String id,
        String object,
        long createdAt,
        JobError error,
        String fineTunedModel,
        Long finishedAt,
        JobHyperparameters hyperparameters,
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

    public SimulatedJob withStatus(String newStatus) {
        return new SimulatedJob(id, object, createdAt, error, fineTunedModel, finishedAt, hyperparameters, model, organizationId,
                resultFiles, seed, newStatus, trainedTokens, trainingFile, validationFile, integrations, metadata, method,
                estimatedFinish, userProvidedSuffix);
    }

    public SimulatedJob withEstimatedFinish(Long when) {
        return new SimulatedJob(id, object, createdAt, error, fineTunedModel, finishedAt, hyperparameters, model, organizationId,
                resultFiles, seed, status, trainedTokens, trainingFile, validationFile, integrations, metadata, method,
                when, userProvidedSuffix);
    }

    public SimulatedJob withHyperparameters(JobHyperparameters resolved) {
        return new SimulatedJob(id, object, createdAt, error, fineTunedModel, finishedAt, resolved, model, organizationId,
                resultFiles, seed, status, trainedTokens, trainingFile, validationFile, integrations, metadata,
                JobMethod.of(method.type(), resolved), estimatedFinish, userProvidedSuffix);
    }

    public SimulatedJob finished(String finalStatus, long at, JobError failure, String model, List<String> results, Long tokens) {
        return new SimulatedJob(id, object, createdAt, failure, model, at, hyperparameters, this.model, organizationId,
                results, seed, finalStatus, tokens, trainingFile, validationFile, integrations, metadata, method,
                null, userProvidedSuffix);
    }
}
