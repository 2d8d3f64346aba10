package io.tuneforge.training.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.training.domain.Pipeline;
import io.tuneforge.training.domain.TrainingData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
