package io.tuneforge.training.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.events.job.JobCancelled;
import io.tuneforge.events.job.JobFailed;
import io.tuneforge.events.job.JobProgressed;
import io.tuneforge.events.job.JobStarted;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.platform.outbox.Outbox;
import io.tuneforge.training.TrainingConfig;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.domain.ModelVersion;
import io.tuneforge.training.leases.JobLeases;
import io.tuneforge.training.monitoring.Advisory;
import io.tuneforge.training.monitoring.JobFailure;
import io.tuneforge.training.monitoring.JobTimeline;
import io.tuneforge.training.monitoring.MetricPoint;
import io.tuneforge.training.monitoring.TrainingDiagnosis;
import io.tuneforge.training.provider.ProviderEvent;
import io.tuneforge.training.provider.ProviderJob;
import io.tuneforge.training.registry.EvaluationPolicy;
import io.tuneforge.training.registry.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The only writer of a job's state. Each change is decided by {@link JobStateMachine} and applied here with
 * its effects: the row changes and its {@code job.*} event goes to the outbox in the caller's transaction,
 * so neither exists without the other. A refused event here is a bug (callers ask first), hence an IllegalStateException.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JobLifecycle {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TrainingConfig config;

    @Inject
    JobTimeline timeline;

    @Inject
    ModelRegistry registry;

    @Inject
    EvaluationPolicy evaluations;

    @Inject
    ObjectMapper json;

    public void started(FineTuneJob job, ProviderJob providerJob) {
        Instant now = clock.instant();
        job.providerJobId = providerJob.id();
        move(job, JobEvent.CREATED);
        job.startedAt = now;
        job.attempts = 0;
        job.pollIntervalMs = config.monitoring().minPollInterval().toMillis();
        job.nextAttemptAt = now.plus(config.monitoring().minPollInterval());
        job.updatedAt = now;
        outbox.publish(job.tenantId, new JobStarted(job.id, providerJob.id(), job.baseModel, job.accountId));
    }

    /** Publishes progress at most once per {@code tuneforge.training.monitoring.progress-interval}. */
    public void progressed(FineTuneJob job, MetricPoint point) {
        if (point.step() <= job.lastStep) {
            return;
        }
        job.lastStep = point.step();
        Instant now = clock.instant();
        if (job.progressPublishedAt != null
                && job.progressPublishedAt.plus(config.monitoring().progressInterval()).isAfter(now)) {
            return;
        }
        job.progressPublishedAt = now;
        Integer epoch = null;
        if (point.totalSteps() != null && job.nEpochs != null && job.nEpochs > 0) {
            double perEpoch = (double) point.totalSteps() / job.nEpochs;
            epoch = (int) Math.max(1, Math.ceil(point.step() / perEpoch));
        }
        outbox.publish(job.tenantId, new JobProgressed(job.id, point.step(), point.totalSteps(), epoch, point.trainLoss(),
                point.fullValidLoss() != null ? point.fullValidLoss() : point.validLoss()));
    }

    /**
     * The provider answered a call about the job: transient failures are counted in a row, so scattered errors
     * over a long job's life never add up to giving up on it.
     */
    public void answered(FineTuneJob job) {
        job.attempts = 0;
    }

    public void succeeded(FineTuneJob job, ProviderJob providerJob) {
        Instant now = clock.instant();
        move(job, JobEvent.PROVIDER_SUCCEEDED);
        // A reconciled job: tuneforge had marked it failed, the provider finished it; its real outcome replaces that.
        job.reconcile = false;
        job.failureKind = null;
        job.failureMessage = null;
        job.failureAdvice = null;
        job.fineTunedModel = providerJob.fineTunedModel();
        job.trainedTokens = providerJob.trainedTokens();
        if (providerJob.nEpochs() != null) {
            job.nEpochs = providerJob.nEpochs();
        }
        job.finishedAt = now;
        job.updatedAt = now;
        List<MetricPoint> metrics = timeline.metrics(job.id);
        diagnose(job, metrics);
        ModelVersion version = registry.register(job, metrics);
        outbox.publish(job.tenantId, new JobSucceeded(job.id, job.providerJobId, job.accountId, job.datasetId, job.datasetVersionId,
                job.baseModel, job.method, job.fineTunedModel, job.trainedTokens == null ? 0 : job.trainedTokens,
                job.nEpochs == null ? 0 : job.nEpochs, version.version, now, job.pipelineId, evaluations.requestFor(job)));
    }

    /** The provider reports the job failed. */
    public void failed(FineTuneJob job, JobFailure failure, Long trainedTokens) {
        failed(job, JobEvent.PROVIDER_FAILED, failure, trainedTokens);
    }

    /** tuneforge fails the job (a call refused, data unreadable, a provider that kept failing before it knew the job). */
    public void gaveUp(FineTuneJob job, JobFailure failure) {
        failed(job, JobEvent.GAVE_UP, failure, null);
    }

    private void failed(FineTuneJob job, JobEvent event, JobFailure failure, Long trainedTokens) {
        Instant now = clock.instant();
        move(job, event);
        job.reconcile = false;
        job.failureKind = failure.kind();
        job.failureMessage = truncate(failure.message(), 2000);
        job.failureAdvice = truncate(failure.advice(), 1000);
        job.trainedTokens = trainedTokens;
        job.finishedAt = now;
        job.updatedAt = now;
        diagnose(job, timeline.metrics(job.id));
        outbox.publish(job.tenantId, new JobFailed(job.id, job.providerJobId, failure.kind(), job.failureMessage, job.failureAdvice,
                trainedTokens, job.pipelineId));
    }

    /** The user cancelled the job. */
    public void cancelled(FineTuneJob job, String reason) {
        cancelled(job, JobEvent.CANCELLED, reason);
    }

    /** The provider reports the job cancelled. */
    public void cancelledOnProvider(FineTuneJob job, String reason) {
        cancelled(job, JobEvent.PROVIDER_CANCELLED, reason);
    }

    private void cancelled(FineTuneJob job, JobEvent event, String reason) {
        Instant now = clock.instant();
        move(job, event);
        job.reconcile = false;
        job.cancelRequested = false;
        job.finishedAt = now;
        job.updatedAt = now;
        outbox.publish(job.tenantId, new JobCancelled(job.id, job.providerJobId, reason, job.pipelineId));
    }

    /**
     * Failed by tuneforge's decision (the provider refused a call about the job), not by an outcome the provider
     * reported: a job that exists there may still run and bill, so it is reconciled, polled at the longest
     * interval (and at once on a webhook) until the provider reports how it ended, which is then applied.
     */
    public void failedWhileOnProvider(FineTuneJob job, JobFailure failure) {
        gaveUp(job, failure);
        if (job.providerJobId != null) {
            job.reconcile = true;
            job.nextAttemptAt = clock.instant().plus(config.monitoring().maxPollInterval());
        }
    }

    /** A provider 429: back in line for a slot, later; never a failure. */
    public void backInLine(FineTuneJob job, Duration providerRetryAfter) {
        Instant now = clock.instant();
        Duration wait = backoff(job.attempts);
        if (providerRetryAfter != null && providerRetryAfter.compareTo(wait) > 0) {
            wait = providerRetryAfter.compareTo(config.scheduler().maxBackoff()) > 0 ? config.scheduler().maxBackoff() : providerRetryAfter;
        }
        job.attempts++;
        move(job, JobEvent.RATE_LIMITED);
        job.nextAttemptAt = now.plus(wait);
        job.updatedAt = now;
    }

    /**
     * A transient failure (5xx, timeout): same state, later. Only a job that cannot exist on the provider yet
     * fails once {@code max-transient-attempts} failures come in a row; one that exists there (or whose creation
     * may have reached it) is never given up on, as it may run and bill without us: it keeps being retried at
     * the longest backoff, with an advisory once the provider has been unreachable that long.
     */
    public void retryLater(FineTuneJob job, String what) {
        job.attempts++;
        int max = config.scheduler().maxTransientAttempts();
        boolean mayExistOnProvider = job.providerJobId != null || job.createAttempted;
        Instant now = clock.instant();
        if (job.attempts > max && !mayExistOnProvider) {
            gaveUp(job, new JobFailure("provider_error", what + " (gave up after " + (job.attempts - 1) + " attempts in a row)",
                    "The provider or dataset-service kept failing before the job reached the provider: check their status "
                            + "and create the job again."));
            return;
        }
        if (job.attempts == max + 1 && mayExistOnProvider) {
            timeline.record(job.id, job.tenantId, new ProviderEvent("tf-provider-unreachable-" + now.toEpochMilli(), now, "warn",
                    "advisory", "The provider failed " + max + " calls in a row about this job (" + what + "); it is still "
                            + "followed and retried every " + config.scheduler().maxBackoff().toSeconds() + "s at most, as it may be "
                            + "running there.", Map.of()));
        }
        job.nextAttemptAt = now.plus(backoff(job.attempts - 1));
        job.updatedAt = now;
    }

    /** Where a new job starts; its {@code budgetReason} says whether a budget hold covers it. */
    public void submitted(FineTuneJob job) {
        job.state = JobStateMachine.initial(job.budgetReason != null);
    }

    /** Given a provider slot. */
    public void admitted(FineTuneJob job, Instant now) {
        move(job, JobEvent.ADMITTED);
        job.nextAttemptAt = now;
        job.updatedAt = now;
    }

    /** Waits for budget; the caller records why and when it is checked again. */
    public void heldForBudget(FineTuneJob job) {
        move(job, JobEvent.HELD_FOR_BUDGET);
    }

    /** The provider reports the job in a state that is not final. */
    public void reported(FineTuneJob job, JobState state) {
        move(job, JobStateMachine.reported(state));
        if (state == JobState.PAUSED) {
            job.pausedFrom = JobState.RUNNING;
        }
    }

    /** Paused: at once while it waits, once the provider paused it while it runs. */
    public void paused(FineTuneJob job) {
        JobState from = job.state;
        move(job, JobEvent.PAUSED);
        job.pausedFrom = from;
        job.updatedAt = clock.instant();
    }

    /** Resumed: back to its wait when it is not on the provider, running once the provider resumed it. */
    public void resumed(FineTuneJob job) {
        move(job, JobStateMachine.resumption(job.pausedFrom, job.providerJobId != null));
        job.pausedFrom = null;
        job.nextAttemptAt = clock.instant();
        job.updatedAt = clock.instant();
    }

    /**
     * Applies {@code event} to every job that {@code where} selects among those it applies to, in one statement
     * ({@code fine_tune_job} aliased {@code j}). {@code set} may change other columns; both use positional
     * parameters {@code ?1..?n} bound to {@code params}.
     *
     * @return how many jobs moved
     */
    public int moveAll(JobEvent event, String set, String where, Object... params) {
        int target = params.length + 1;
        Query q = em.createNativeQuery("update fine_tune_job j set state = ?" + target + ", " + set + " where j.state in (?"
                + (target + 1) + ") and (" + where + ")");
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.setParameter(target, event.target().name()).setParameter(target + 1, JobLeases.names(JobStateMachine.from(event)))
                .executeUpdate();
    }

    private void move(FineTuneJob job, JobEvent event) {
        if (JobStateMachine.decide(job.state, event) instanceof JobStateMachine.Decision.Refused refused) {
            throw new IllegalStateException("job " + job.id + " is " + job.state.wire() + ": " + event + " refused (" + refused.why() + ")");
        }
        job.state = event.target();
    }

    private Duration backoff(int attempts) {
        Duration base = config.scheduler().backoff();
        Duration wait = base.multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(config.scheduler().maxBackoff()) > 0 ? config.scheduler().maxBackoff() : wait;
    }

    /** Advisories go on the job and, as tuneforge events, into its event list. */
    private void diagnose(FineTuneJob job, List<MetricPoint> metrics) {
        int epochs = job.nEpochs != null ? job.nEpochs : 1;
        List<Advisory> advisories = TrainingDiagnosis.of(metrics, epochs);
        try {
            job.advisories = json.writeValueAsString(advisories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant now = clock.instant();
        for (Advisory a : advisories) {
            timeline.record(job.id, job.tenantId, new ProviderEvent("tf-advisory-" + a.code(), now, "warn", "advisory",
                    a.message() + " " + a.advice(), Map.of()));
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
