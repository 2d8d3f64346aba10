package io.tuneforge.training.lifecycle;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

/**
 * What a user can do to a job: cancel, pause, resume. Jobs not yet on the provider change here at
 * once; jobs on the provider are paused/resumed there first (one call, with the account's timeout),
 * and cancelled by the scheduler, which already knows how to find a job whose creation was in flight.
 */
@ApplicationScoped
public class JobControls {

    @Inject
    EntityManager em;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    FineTuningProvider provider;

    @Inject
    AccountConnections connections;

    @Inject
    Clock clock;

    public FineTuneJob cancel(String tenantId, String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob job = locked(tenantId, jobId);
            refuseUnless(job, JobEvent.CANCELLED);
            if (job.providerJobId == null && !job.createAttempted && job.state != JobState.UPLOADING) {
                lifecycle.cancelled(job, "cancelled by the user");
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
            refuseUnless(j, JobEvent.PAUSED);
            // A running job is paused on the provider first; a waiting one is not there yet.
            if (j.state != JobState.RUNNING) {
                lifecycle.paused(j);
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
                lifecycle.paused(j);
            }
            return j;
        });
    }

    public FineTuneJob resume(String tenantId, String jobId) {
        FineTuneJob job = QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob j = locked(tenantId, jobId);
            refuseUnless(j, JobEvent.RESUMED_WAITING_FOR_SLOT);
            if (j.providerJobId == null) {
                lifecycle.resumed(j);
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
                lifecycle.resumed(j);
            }
            return j;
        });
    }

    /** A user's command the state machine refuses is the user's conflict, reported before anything changes. */
    private static void refuseUnless(FineTuneJob job, JobEvent event) {
        if (JobStateMachine.decide(job.state, event) instanceof JobStateMachine.Decision.Refused refused) {
            throw new JobConflict(job.id, job.state, event, refused.why());
        }
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
            throw new ProviderRefusedControl(action, job.providerJobId, job.accountId, e);
        }
    }

    private FineTuneJob locked(String tenantId, String jobId) {
        FineTuneJob job = em.find(FineTuneJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.tenantId.equals(tenantId)) {
            throw new JobNotFound(jobId);
        }
        return job;
    }
}
