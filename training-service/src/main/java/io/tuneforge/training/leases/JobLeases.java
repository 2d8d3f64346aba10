package io.tuneforge.training.leases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.training.TrainingConfig;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.JobState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Which replica works on which job. A replica claims due jobs with {@code FOR UPDATE SKIP LOCKED}
 * and a time-bound lease, works on them outside any transaction (provider calls can be slow), and
 * commits each result only if the job is still its own and still in the state it started from. A
 * crashed replica's leases simply expire.
 */
@ApplicationScoped
public class JobLeases {

    /** States a driver step moves on: the upload and creation, and following the job on the provider. */
    private static final Set<JobState> DRIVEN = EnumSet.of(JobState.UPLOADING, JobState.VALIDATING_FILES, JobState.QUEUED,
            JobState.RUNNING);

    private final String owner = "replica-" + UUID.randomUUID();

    @Inject
    EntityManager em;

    @Inject
    TrainingConfig config;

    @Inject
    Clock clock;

    @SuppressWarnings("unchecked")
    public List<String> claimDue(int limit) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update fine_tune_job set lease_owner = ?1, lease_until = ?2
                where id in (select id from fine_tune_job
                    where (state in (?5) or (cancel_requested and state not in (?6)) or reconcile)
                      and next_attempt_at <= ?3 and (lease_until is null or lease_until < ?3)
                    order by next_attempt_at limit ?4 for update skip locked)
                returning id""")
                .setParameter(1, owner).setParameter(2, now.plus(config.scheduler().lease())).setParameter(3, now)
                .setParameter(4, limit).setParameter(5, names(DRIVEN)).setParameter(6, names(JobState.TERMINAL))
                .getResultList());
    }

    /** Waiting jobs without a cost reservation yet, claimed for the budget check like due jobs are for a step. */
    @SuppressWarnings("unchecked")
    public List<String> claimUnreserved(int limit) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update fine_tune_job set lease_owner = ?1, lease_until = ?2
                where id in (select id from fine_tune_job
                    where state = ?5 and reservation_id is null and not cancel_requested
                      and next_attempt_at <= ?3 and (lease_until is null or lease_until < ?3)
                    order by priority desc, created_at limit ?4 for update skip locked)
                returning id""")
                .setParameter(1, owner).setParameter(2, now.plus(config.scheduler().lease())).setParameter(3, now)
                .setParameter(4, limit).setParameter(5, JobState.WAITING_FOR_SLOT.name()).getResultList());
    }

    /**
     * Restarts the job's lease when a step actually begins: it may have waited for a worker since the claim,
     * and a step must never run on a lease that can lapse under it (another replica would drive the job at
     * the same time). False when another replica has claimed the job meanwhile: the step is not ours.
     */
    public boolean renew(String jobId) {
        Instant until = clock.instant().plus(config.scheduler().lease());
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "update fine_tune_job set lease_until = ?1 where id = ?2 and lease_owner = ?3")
                .setParameter(1, until).setParameter(2, jobId).setParameter(3, owner).executeUpdate() == 1);
    }

    /** A detached copy of the job as it is now. */
    public Optional<FineTuneJob> snapshot(String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob job = FineTuneJob.findById(jobId);
            if (job != null) {
                em.detach(job);
            }
            return Optional.ofNullable(job);
        });
    }

    /**
     * Applies {@code change} in its own transaction if this replica still holds the job's lease and
     * the job is still {@code expected}; false when someone else moved it (a user pausing, another replica).
     */
    public boolean commit(String jobId, JobState expected, Consumer<FineTuneJob> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FineTuneJob job = em.find(FineTuneJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job == null || job.state != expected || !owner.equals(job.leaseOwner)) {
                return false;
            }
            change.accept(job);
            // Each committed step renews the lease, so the provider call that follows (e.g. the creation
            // after create_attempted) runs on a whole lease; scheduler.lease must exceed provider.timeout.
            job.leaseUntil = clock.instant().plus(config.scheduler().lease());
            return true;
        });
    }

    /** The stored form of states, for native SQL (the column holds the enum's names). */
    public static List<String> names(Set<JobState> states) {
        return states.stream().map(JobState::name).toList();
    }

    public void release(String jobId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update fine_tune_job set lease_owner = null, lease_until = null where id = ?1 and lease_owner = ?2")
                .setParameter(1, jobId).setParameter(2, owner).executeUpdate());
    }
}
