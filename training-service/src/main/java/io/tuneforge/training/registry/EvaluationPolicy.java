package io.tuneforge.training.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.events.eval.EvaluationTask;
import io.tuneforge.events.eval.GateThresholds;
import io.tuneforge.events.job.EvaluationRequest;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.ModelVersion;
import io.tuneforge.training.domain.Pipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A pipeline's evaluation policy as eval-service gets it on {@code job.succeeded}: which model to
 * compare the new one with (the version in production) and the gates to apply.
 */
@ApplicationScoped
public class EvaluationPolicy {

    @Inject
    ObjectMapper json;

    /** The request for a succeeded job of an {@code evaluate} pipeline; null for any other job. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvaluationRequest requestFor(FineTuneJob job) {
        if (job.pipelineId == null) {
            return null;
        }
        Pipeline p = Pipeline.findById(job.pipelineId);
        if (p == null || !p.evaluate) {
            return null;
        }
        return new EvaluationRequest(job.modelName, productionModel(job.tenantId, job.modelName), gates(p), task(p));
    }

    /** The fine-tuned model id of the version in production of a registered model, or null. */
    public static String productionModel(String tenantId, String modelName) {
        return ModelVersion.<ModelVersion>find("tenantId = ?1 and stage = 'production' and modelId in "
                        + "(select m.id from RegisteredModel m where m.tenantId = ?1 and m.name = ?2) order by version desc",
                tenantId, modelName).firstResultOptional().map(v -> v.fineTunedModel).orElse(null);
    }

    public EvaluationTask task(Pipeline p) {
        if (p.evaluationTask == null) {
            return null;
        }
        try {
            return json.readValue(p.evaluationTask, EvaluationTask.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pipeline " + p.id + " has an unreadable evaluation task", e);
        }
    }

    public GateThresholds gates(Pipeline p) {
        if (p.gates == null) {
            return null;
        }
        try {
            return json.readValue(p.gates, GateThresholds.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pipeline " + p.id + " has unreadable gates", e);
        }
    }
}
