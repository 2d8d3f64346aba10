package io.tuneforge.training.lifecycle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.training.accounts.AccountConnections;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.domain.ProviderAccount;
import io.tuneforge.training.provider.FineTuningProvider;
import io.tuneforge.training.provider.ProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a user can do to a job: cancel, pause, resume. Jobs not yet on the provider change here at
 * once; jobs on the provider are paused/resumed there first (one call, with the account's timeout),
 * and cancelled by the scheduler, which already knows how to find a job whose creation was in flight.
 */
@ApplicationScoped
public class JobControls {

    private static final Set<JobState> WAITING = EnumSet.of(JobState.WAITING_FOR_BUDGET, JobState.WAITING_FOR_SLOT);

    @Inject
    EntityManager em;

    @Inject
    JobTransitions transitions;

    @Inject
    FineTuningProvider provider;

    @Inject
    AccountConnections connections;

    @Inject
    Clock clock;

    public FineTuneJob cancel(String tenantId, String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob job = locked(tenantId, jobId);
            if (job.state.terminal()) {
                throw ApiProblem.conflict("Job already " + job.state.wire(), "Job " + jobId + " is " + job.state.wire()
                        + "; only unfinished jobs can be cancelled.");
            }
            if (job.providerJobId == null && !job.createAttempted && job.state != JobState.UPLOADING) {
                transitions.cancelled(job, "cancelled by the user");
            } else {
                job.cancelRequested = true;
                job.nextAttemptAt = clock.instant();
                job.updatedAt = clock.instant();
            }
            return job;
        });
    }

    public FineTuneJob pause(String tenantId, String jobId) {
        FineTuneJob job = QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob j = locked(tenantId, jobId);
            if (WAITING.contains(j.state)) {
                j.pausedFrom = j.state;
                j.state = JobState.PAUSED;
                j.updatedAt = clock.instant();
            } else if (j.state != JobState.RUNNING) {
                throw ApiProblem.conflict("Cannot pause a job that is " + j.state.wire(), "Job " + jobId + " is " + j.state.wire()
                        + ": a job can be paused while it waits or while it runs (the provider pauses running jobs only).");
            }
            return j;
        });
        if (job.state == JobState.PAUSED) {
            return job;
        }
        callProvider(job, "pause");
        return QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob j = locked(tenantId, jobId);
            if (j.state == JobState.RUNNING) {
                j.state = JobState.PAUSED;
                j.pausedFrom = JobState.RUNNING;
                j.updatedAt = clock.instant();
            }
            return j;
        });
    }

    public FineTuneJob resume(String tenantId, String jobId) {
        FineTuneJob job = QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob j = locked(tenantId, jobId);
            if (j.state != JobState.PAUSED) {
                throw ApiProblem.conflict("Job is not paused", "Job " + jobId + " is " + j.state.wire() + "; only paused jobs resume.");
            }
            if (j.providerJobId == null) {
                j.state = j.pausedFrom == null ? JobState.WAITING_FOR_SLOT : j.pausedFrom;
                j.pausedFrom = null;
                j.nextAttemptAt = clock.instant();
                j.updatedAt = clock.instant();
            }
            return j;
        });
        if (job.state != JobState.PAUSED) {
            return job;
        }
        callProvider(job, "resume");
        return QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob j = locked(tenantId, jobId);
            if (j.state == JobState.PAUSED) {
                j.state = JobState.RUNNING;
                j.pausedFrom = null;
                j.nextAttemptAt = clock.instant();
                j.updatedAt = clock.instant();
            }
            return j;
        });
    }

    private void callProvider(FineTuneJob job, String action) {
        ProviderAccount account = QuarkusTransaction.requiringNew().call(() -> ProviderAccount.findById(job.accountId));
        try {
            if ("pause".equals(action)) {
                provider.pause(connections.of(account), job.providerJobId);
            } else {
                provider.resume(connections.of(account), job.providerJobId);
            }
        } catch (ProviderException e) {
            throw ApiProblem.conflict("The provider refused to " + action + " the job", "Provider job " + job.providerJobId
                    + " (account " + job.accountId + ") answered " + e.status() + ": " + e.getMessage()
                    + (e.retryable() ? " — try again shortly." : ""));
        }
    }

    private FineTuneJob locked(String tenantId, String jobId) {
        FineTuneJob job = em.find(FineTuneJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.tenantId.equals(tenantId)) {
            throw ApiProblem.notFound("Job", jobId);
        }
        return job;
    }
}
