package io.tuneforge.training.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.events.eval.GateOutcome;
import io.tuneforge.events.eval.ModelSummary;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.ModelVersion;
import io.tuneforge.training.domain.Pipeline;
import io.tuneforge.training.domain.RegisteredModel;
import io.tuneforge.training.pipeline.PipelineTriggers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Evaluation results on the model registry ({@code eval.completed}): attached to the version whose
 * model was the candidate, promoting it to staging when its pipeline says {@code auto_promote}; and a
 * production model that scores clearly below its accuracy at promotion makes its pipelines retrain.
 */
@ApplicationScoped
public class ModelEvaluations {

    private static final Logger LOG = Logger.getLogger(ModelEvaluations.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    PipelineTriggers triggers;

    public record EvaluationView(String evalId, String decision, List<GateOutcome> gatesPassed, List<GateOutcome> gatesFailed,
                                 ModelSummary candidate, ModelSummary baseline, ModelSummary production, Instant completedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(String tenantId, EvalCompleted e, Instant at) {
        attach(tenantId, e, at);
        checkProductionQuality(tenantId, e);
    }

    private void attach(String tenantId, EvalCompleted e, Instant at) {
        List<ModelVersion> versions = e.candidateModel() == null ? List.of()
                : ModelVersion.list("tenantId = ?1 and fineTunedModel = ?2", tenantId, e.candidateModel());
        if (versions.isEmpty()) {
            LOG.infof("eval %s of tenant %s: candidate %s is no registered model version; not attached", e.evalId(), tenantId,
                    e.candidateModel());
            return;
        }
        List<GateOutcome> gates = e.gates() == null ? List.of() : e.gates();
        ModelSummary candidate = summary(e, "candidate", e.candidateModel());
        for (ModelVersion v : versions) {
            em.createNativeQuery("""
                    insert into model_evaluation (eval_id, model_version_id, tenant_id, decision, gates_passed, gates_failed, candidate,
                        candidate_accuracy, baseline, production, completed_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) on conflict do nothing""")
                    .setParameter(1, e.evalId()).setParameter(2, v.id).setParameter(3, tenantId).setParameter(4, e.decision())
                    .setParameter(5, write(gates.stream().filter(GateOutcome::passed).toList()))
                    .setParameter(6, write(gates.stream().filter(g -> !g.passed()).toList()))
                    .setParameter(7, write(candidate)).setParameter(8, accuracy(candidate))
                    .setParameter(9, write(summary(e, "baseline", e.baselineModel())))
                    .setParameter(10, write(summary(e, "production", e.productionModel()))).setParameter(11, at).executeUpdate();
            if ("promote".equals(e.decision()) && "candidate".equals(v.stage) && autoPromote(v)) {
                v.stage = "staging";
                LOG.infof("model version %s (%s): evaluation %s decided promote; moved to staging (auto_promote)", v.id,
                        v.fineTunedModel, e.evalId());
            }
        }
    }

    /** The candidate accuracy (accuracy, else exact match) of the version's latest evaluation, or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Double latestCandidateAccuracy(String versionId) {
        List<?> rows = em.createNativeQuery("select candidate_accuracy from model_evaluation where model_version_id = ?1 "
                        + "and candidate_accuracy is not null order by completed_at desc")
                .setParameter(1, versionId).setMaxResults(1).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).doubleValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<EvaluationView> of(String versionId) {
        List<Object[]> rows = em.createNativeQuery("select eval_id, decision, gates_passed, gates_failed, candidate, baseline, production, "
                + "completed_at from model_evaluation where model_version_id = ?1 order by completed_at, eval_id")
                .setParameter(1, versionId).getResultList();
        return rows.stream().map(r -> new EvaluationView((String) r[0], (String) r[1], gates((String) r[2]), gates((String) r[3]),
                model((String) r[4]), model((String) r[5]), model((String) r[6]), instant(r[7]))).toList();
    }

    private boolean autoPromote(ModelVersion v) {
        FineTuneJob job = FineTuneJob.findById(v.jobId);
        if (job == null || job.pipelineId == null) {
            return false;
        }
        Pipeline p = Pipeline.findById(job.pipelineId);
        return p != null && p.autoPromote;
    }

    /**
     * An evaluation that measured a production model (as the run's production model, or as its
     * candidate) compares it with its accuracy at promotion, for every pipeline training that model.
     */
    private void checkProductionQuality(String tenantId, EvalCompleted e) {
        if (e.models() == null) {
            return;
        }
        for (ModelSummary s : e.models()) {
            boolean asProduction = "production".equals(s.role());
            boolean asCandidate = "candidate".equals(s.role()) && Objects.equals(s.model(), e.candidateModel());
            Double measured = accuracy(s);
            if (!(asProduction || asCandidate) || measured == null || s.model() == null) {
                continue;
            }
            List<ModelVersion> production = ModelVersion.list("tenantId = ?1 and fineTunedModel = ?2 and stage = 'production' "
                    + "and promotedAccuracy is not null", tenantId, s.model());
            for (ModelVersion v : production) {
                RegisteredModel model = RegisteredModel.findById(v.modelId);
                List<String> pipelineIds = Pipeline.<Pipeline>list("tenantId = ?1 and modelName = ?2", tenantId, model.name).stream()
                        .map(p -> p.id).toList();
                for (String id : pipelineIds) {
                    Pipeline p = em.find(Pipeline.class, id, LockModeType.PESSIMISTIC_WRITE);
                    if (triggers.onQualityMeasured(p, s.model(), measured, v.promotedAccuracy, e.evalId())) {
                        LOG.infof("pipeline %s: quality drop of %s (%.4f, was %.4f at promotion); retrain pending", p.name, s.model(),
                                measured, v.promotedAccuracy);
                    }
                }
            }
        }
    }

    private static ModelSummary summary(EvalCompleted e, String role, String model) {
        if (e.models() == null) {
            return null;
        }
        return e.models().stream().filter(m -> role.equals(m.role()) && (model == null || model.equals(m.model()))).findFirst()
                .or(() -> e.models().stream().filter(m -> role.equals(m.role())).findFirst()).orElse(null);
    }

    static Double accuracy(ModelSummary s) {
        return s == null ? null : s.accuracy() != null ? s.accuracy() : s.exactMatch();
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private List<GateOutcome> gates(String value) {
        try {
            return json.readValue(value, new TypeReference<List<GateOutcome>>() { });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ModelSummary model(String value) {
        try {
            return value == null ? null : json.readValue(value, ModelSummary.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : value instanceof OffsetDateTime o ? o.toInstant() : null;
    }
}
