package io.tuneforge.training.registry;

import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.ModelVersion;
import io.tuneforge.training.domain.RegisteredModel;
import io.tuneforge.training.monitoring.MetricPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Registers each succeeded job as the next version (v1, v2 ...) of its named model. */
@ApplicationScoped
public class ModelRegistry {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Idempotent per job: registering the same job again returns its existing version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ModelVersion register(FineTuneJob job, List<MetricPoint> metrics) {
        ModelVersion existing = ModelVersion.find("jobId", job.id).firstResult();
        if (existing != null) {
            return existing;
        }
        Instant now = clock.instant();
        em.createNativeQuery("insert into registered_model (id, tenant_id, name, created_at) values (?1, ?2, ?3, ?4) "
                        + "on conflict (tenant_id, name) do nothing")
                .setParameter(1, EntityIds.next("model")).setParameter(2, job.tenantId).setParameter(3, job.modelName)
                .setParameter(4, now).executeUpdate();
        // The model row is the lock that serialises version numbers of concurrent successes.
        RegisteredModel model = RegisteredModel.find("tenantId = ?1 and name = ?2", job.tenantId, job.modelName)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        Integer latest = em.createQuery("select max(v.version) from ModelVersion v where v.modelId = ?1", Integer.class)
                .setParameter(1, model.id).getSingleResult();
        ModelVersion v = new ModelVersion();
        v.id = EntityIds.next("mv");
        v.modelId = model.id;
        v.tenantId = job.tenantId;
        v.version = latest == null ? 1 : latest + 1;
        v.jobId = job.id;
        v.fineTunedModel = job.fineTunedModel;
        v.datasetId = job.datasetId;
        v.datasetVersionId = job.datasetVersionId;
        v.baseModel = job.baseModel;
        v.method = job.method;
        v.hyperparameters = job.hyperparameters;
        v.trainedTokens = job.trainedTokens;
        v.finalTrainLoss = metrics.stream().map(MetricPoint::trainLoss).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        v.finalValidLoss = metrics.stream().map(m -> m.fullValidLoss() != null ? m.fullValidLoss() : m.validLoss())
                .filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        v.stage = "candidate";
        v.createdAt = now;
        v.persist();
        return v;
    }
}
