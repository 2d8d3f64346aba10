package io.tuneforge.training.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tuneforge.events.retraining.RetrainingRequested;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.outbox.Outbox;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.Hyperparameters;
import io.tuneforge.training.domain.Pipeline;
import io.tuneforge.training.budget.BudgetHolds;
import io.tuneforge.training.submission.JobOrder;
import io.tuneforge.training.submission.JobSubmissions;
import io.tuneforge.training.submission.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Starts due pipeline runs ({@link PipelineTriggers} makes them pending): each creates a job in the same
 * transaction that clears the pending version, so a run is started exactly once whatever the number of
 * replicas (rows locked with SKIP LOCKED); each run is announced on {@code retraining.requested} with its trigger.
 */
@ApplicationScoped
public class PipelineRunner {

    private static final Logger LOG = Logger.getLogger(PipelineRunner.class);

    @Inject
    EntityManager em;

    @Inject
    JobSubmissions submissions;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    PipelineTriggers triggers;

    @Inject
    BudgetHolds budgets;

    @Scheduled(every = "${tuneforge.training.scheduler.interval:1s}", delayed = "${tuneforge.training.scheduler.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            triggers.fireSchedules();
        } catch (RuntimeException e) {
            LOG.errorf(e, "pipeline schedules: %s", e.getMessage());
        }
        List<Pipeline> pending = QuarkusTransaction.requiringNew().call(() ->
                Pipeline.<Pipeline>list("pendingVersionId is not null"));
        Instant now = clock.instant();
        for (Pipeline p : pending) {
            if (!p.dueAt().isAfter(now)) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> run(p.id));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "pipeline %s (%s): run failed to start, will retry: %s", p.name, p.id, e.getMessage());
                }
            }
        }
    }

    /**
     * Starts the pending run of the pipeline now if it is still due and no budget holds the pipeline
     * (it stays pending until the hold goes); returns the job, or null.
     */
    public FineTuneJob run(String pipelineId) {
        Pipeline p = (Pipeline) em.createQuery("from Pipeline where id = ?1").setParameter(1, pipelineId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("jakarta.persistence.lock.timeout", -2)
                .getResultStream().findFirst().orElse(null);
        if (p == null || p.pendingVersionId == null || p.dueAt().isAfter(clock.instant()) || budgets.held(p.tenantId, p.id)) {
            return null;
        }
        return start(p, p.pendingVersionId, p.pendingTrigger(), p.pendingDetail);
    }

    /** A run on {@code versionId}, whatever is pending (manual runs); {@code detail} says more about the trigger. */
    public FineTuneJob start(Pipeline p, String versionId, String reason, String detail) {
        Hyperparameters h;
        try {
            h = json.readValue(p.hyperparameters, Hyperparameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pipeline " + p.id + " has unreadable hyperparameters", e);
        }
        Submission submission = submissions.submit(JobOrder.forTenant(p.tenantId).datasetVersion(versionId).baseModel(p.baseModel)
                .method(p.method).hyperparameters(h).metadata(Map.of("tuneforge_pipeline", p.name)).account(p.accountId)
                .modelName(p.modelName).pipeline(p.id).build());
        if (submission instanceof Submission.Rejected rejected) {
            // The recipe no longer fits the data (e.g. method changed): drop the pending version, say why.
            LOG.warnf("pipeline %s (%s): version %s cannot be trained: %s", p.name, p.id, versionId, rejected.errors());
            clearPending(p);
            return null;
        }
        FineTuneJob job = ((Submission.Accepted) submission).job();
        Instant now = clock.instant();
        p.lastRunAt = now;
        p.lastJobId = job.id;
        if (versionId.equals(p.pendingVersionId)) {
            clearPending(p);
        }
        p.updatedAt = now;
        em.createNativeQuery("insert into pipeline_run (id, pipeline_id, tenant_id, reason, dataset_version_id, job_id, created_at, "
                        + "detail) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, EntityIds.next("prun")).setParameter(2, p.id).setParameter(3, p.tenantId).setParameter(4, reason)
                .setParameter(5, versionId).setParameter(6, job.id).setParameter(7, now).setParameter(8, detail).executeUpdate();
        outbox.publish(p.tenantId, new RetrainingRequested(p.id, p.name, reason, job.datasetId, versionId, job.id, p.modelName, now));
        return job;
    }

    private static void clearPending(Pipeline p) {
        p.pendingVersionId = null;
        p.pendingSince = null;
        p.pendingReason = null;
        p.pendingDetail = null;
    }
}
