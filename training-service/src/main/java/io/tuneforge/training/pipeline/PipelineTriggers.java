package io.tuneforge.training.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.events.feedback.QualityDegraded;
import io.tuneforge.training.domain.ModelVersion;
import io.tuneforge.training.domain.Pipeline;
import io.tuneforge.training.domain.TrainingData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What makes a pipeline's next run pending: a new validated version of its dataset (on every
 * auto-train pipeline of the dataset; a newer version within the debounce replaces it and restarts
 * the wait, so a burst of uploads trains once, on the latest), its cron schedule coming due, or a
 * quality drop of its production model. {@link PipelineRunner} starts pending runs once the debounce
 * and the minimum interval have passed and no budget holds the pipeline.
 */
@ApplicationScoped
public class PipelineTriggers {

    public static final String SCHEDULE = "schedule";
    /** The {@code retraining.requested} trigger of a quality drop (the contract's name for it). */
    public static final String QUALITY_DROP = "quality.degraded";

    private static final Logger LOG = Logger.getLogger(PipelineTriggers.class);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public int onNewVersion(String tenantId, String datasetId, String versionId) {
        Instant now = clock.instant();
        return Pipeline.update("pendingVersionId = ?1, pendingSince = ?2, updatedAt = ?2, pendingReason = null, pendingDetail = null "
                + "where tenantId = ?3 and datasetId = ?4 and autoTrain = true", versionId, now, tenantId, datasetId);
    }

    /**
     * Makes a run pending on every pipeline whose schedule is due. A replica claims a due time by moving
     * {@code next_run_at} on with a compare-and-set update, so each scheduled time fires once however
     * many replicas tick.
     */
    public void fireSchedules() {
        Instant now = clock.instant();
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> Pipeline.<Pipeline>list(
                        "schedule is not null and nextRunAt <= ?1", now).stream()
                .map(p -> new Object[] {p.id, p.schedule, p.nextRunAt}).toList());
        for (Object[] d : due) {
            String id = (String) d[0];
            Instant claimed = (Instant) d[2];
            Instant next = CronSchedule.nextAfter((String) d[1], now).orElse(null);
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    int won = em.createNativeQuery("update pipeline set next_run_at = ?1 where id = ?2 and next_run_at = ?3")
                            .setParameter(1, next).setParameter(2, id).setParameter(3, claimed).executeUpdate();
                    if (won == 1) {
                        Pipeline p = Pipeline.findById(id);
                        pend(p, SCHEDULE, "schedule '" + p.schedule + "' was due at " + claimed);
                    }
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "pipeline %s: scheduled run at %s could not be recorded, will retry: %s", id, claimed, e.getMessage());
            }
        }
    }

    /**
     * The pipeline's production model scored {@code measured} in an evaluation, against
     * {@code atPromotion} when it was promoted: below that minus the pipeline's threshold, a retrain
     * becomes pending. Returns whether it did.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onQualityMeasured(Pipeline p, String model, double measured, double atPromotion, String evalId) {
        if (measured >= atPromotion - p.qualityDropThreshold) {
            return false;
        }
        return pend(p, QUALITY_DROP, String.format(Locale.ROOT,
                "production model %s scored %.4f in evaluation %s, below %.4f at promotion minus the threshold %.4f",
                model, measured, evalId, atPromotion, p.qualityDropThreshold));
    }

    /**
     * Users' ratings of a served model turned negative (gateway-service's feedback guard). The alias's pipeline
     * retrains, unless the model rated is not what that pipeline has in production (feedback on a model the
     * pipeline did not produce says nothing about its data); with nothing in production yet, it retrains.
     * Returns whether a run became pending.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onFeedbackDegraded(String tenantId, QualityDegraded q) {
        if (q.pipelineId() == null) {
            LOG.infof("quality.degraded %s for alias %s names no pipeline: nothing to retrain", q.alertId(), q.alias());
            return false;
        }
        Pipeline p = Pipeline.<Pipeline>find("tenantId = ?1 and id = ?2", tenantId, q.pipelineId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (p == null) {
            LOG.warnf("quality.degraded %s names pipeline %s, which tenant %s does not have", q.alertId(), q.pipelineId(), tenantId);
            return false;
        }
        List<String> production = ModelVersion.<ModelVersion>list("tenantId = ?1 and stage = 'production' and modelId in "
                + "(select m.id from RegisteredModel m where m.tenantId = ?1 and m.name = ?2)", tenantId, p.modelName).stream()
                .map(v -> v.fineTunedModel).toList();
        if (!production.isEmpty() && !production.contains(q.model())) {
            LOG.infof("pipeline %s: feedback on %s is not about its production model %s; no retrain", p.name, q.model(), production);
            return false;
        }
        return pend(p, QUALITY_DROP, String.format(Locale.ROOT,
                "users' feedback on %s through alias %s: %d of %d ratings negative (%.1f%%, threshold %.1f%%) between %s and %s"
                        + " (alert %s)", q.model(), q.alias(), q.negativeCount(), q.feedbackCount(), 100 * q.negativeRate(),
                100 * q.threshold(), q.windowStart(), q.windowEnd(), q.alertId()));
    }

    /** Pending on the latest validated version, unless a run is already pending (it covers this trigger too). */
    private boolean pend(Pipeline p, String reason, String detail) {
        if (p.pendingVersionId != null) {
            LOG.infof("pipeline %s: %s (%s) joins the run already pending", p.name, reason, detail);
            return false;
        }
        TrainingData latest = TrainingData.find("tenantId = ?1 and datasetId = ?2 order by version desc", p.tenantId, p.datasetId)
                .firstResult();
        if (latest == null) {
            LOG.warnf("pipeline %s: %s but dataset %s has no validated version to train on", p.name, reason, p.datasetId);
            return false;
        }
        Instant now = clock.instant();
        p.pendingVersionId = latest.versionId;
        p.pendingSince = now;
        p.pendingReason = reason;
        p.pendingDetail = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        p.updatedAt = now;
        return true;
    }
}
