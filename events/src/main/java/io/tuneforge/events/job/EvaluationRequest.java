package io.tuneforge.events.job;

import io.tuneforge.events.eval.EvaluationTask;
import io.tuneforge.events.eval.GateThresholds;

/**
 * A pipeline's request, carried on {@code job.succeeded}, that eval-service evaluate the new model on
 * the held-out split of the dataset version it was trained on, against its base model and, when there
 * is one, the model version currently in production.
 *
 * @param modelName       the registered model the new version belongs to
 * @param productionModel the fine-tuned model id of the version in production, or null when there is none
 * @param gates           the thresholds to apply; null or null values take eval-service's defaults
 * @param task            the kind of answer expected and its required format; null = exact match, no format
 */
public record EvaluationRequest(String modelName, String productionModel, GateThresholds gates, EvaluationTask task) {
}
