package io.tuneforge.training.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.training.domain.FineTuneJob;

import java.time.Instant;

public record JobView(String id, String state, String accountId, String datasetId, String datasetVersionId, String baseModel,
                      String method, JsonNode hyperparameters, String suffix, Long seed, JsonNode metadata, String modelName,
                      int priority, String providerJobId, String trainingFileId, String validationFileId, String fineTunedModel,
                      Long trainedTokens, Integer nEpochs, Failure failure, JsonNode advisories, boolean cancelRequested,
                      int attempts, Instant nextAttemptAt, Instant createdAt, Instant startedAt, Instant finishedAt,
                      String pipelineId, Budget budget) {

    public record Failure(String kind, String message, String advice) {
    }

    /** The job's budget check: its reservation at cost-service, or why it waits for budget and when it is checked again. */
    public record Budget(String reservationId, String reason, Instant recheckAt) {
    }

    static JobView of(FineTuneJob j, ObjectMapper json) {
        try {
            return new JobView(j.id, j.state.wire(), j.accountId, j.datasetId, j.datasetVersionId, j.baseModel, j.method,
                    json.readTree(j.hyperparameters), j.suffix, j.seed, json.readTree(j.metadata), j.modelName, j.priority,
                    j.providerJobId, j.trainingFileId, j.validationFileId, j.fineTunedModel, j.trainedTokens, j.nEpochs,
                    j.failureKind == null ? null : new Failure(j.failureKind, j.failureMessage, j.failureAdvice),
                    json.readTree(j.advisories), j.cancelRequested, j.attempts, j.nextAttemptAt, j.createdAt, j.startedAt,
                    j.finishedAt, j.pipelineId, j.reservationId == null && j.budgetReason == null ? null
                            : new Budget(j.reservationId, j.budgetReason, j.budgetRecheckAt));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("job " + j.id + " holds unreadable JSON", e);
        }
    }
}
