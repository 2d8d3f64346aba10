package io.tuneforge.training.admission;

import io.tuneforge.training.budget.BudgetHolds;
import io.tuneforge.training.budget.CostReservations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.training.TrainingConfig;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.domain.ProviderAccount;
import io.tuneforge.training.leases.JobLeases;
import io.tuneforge.training.lifecycle.JobLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves waiting jobs into provider slots ({@link FairShare}). One replica admits at a time (a
 * PostgreSQL advisory lock held for the transaction), so slot counts are never raced.
 */
@ApplicationScoped
public class SlotAdmission {

    /** Slots are held from upload until the job is final; a paused job on the provider still counts (OpenAI counts it). */
    private static final String HOLDING_SLOT_SQL = "(state in (?1) or (state = ?2 and provider_job_id is not null))";
    private static final List<String> HOLDING_SLOT_UNLESS_PAUSED = JobLeases.names(without(JobState.HOLDING_SLOT, JobState.PAUSED));
    private static final long ADMISSION_LOCK = 0x7475_6e65_6164_6d31L;

    @Inject
    EntityManager em;

    @Inject
    TrainingConfig config;

    @Inject
    Clock clock;

    @Inject
    BudgetHolds budgets;

    @Inject
    CostReservations reservations;

    @Inject
    JobLifecycle lifecycle;

    /** Returns how many jobs were admitted. */
    public int admit() {
        return QuarkusTransaction.requiringNew().call(this::admitLocked);
    }

    @SuppressWarnings("unchecked")
    private int admitLocked() {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, ADMISSION_LOCK)
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        budgets.release();
        Instant now = clock.instant();
        // With a cost check, only jobs whose cost is reserved compete for slots.
        List<FineTuneJob> waiting = FineTuneJob.find("state = ?1 and nextAttemptAt <= ?2"
                        + (reservations.enabled() ? " and reservationId is not null" : "") + " order by priority desc, createdAt",
                JobState.WAITING_FOR_SLOT, now).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, 2000).list();
        if (waiting.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, Long>> held = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select account_id, tenant_id, count(*) from fine_tune_job where "
                + HOLDING_SLOT_SQL + " group by account_id, tenant_id")
                .setParameter(1, HOLDING_SLOT_UNLESS_PAUSED).setParameter(2, JobState.PAUSED.name()).getResultList();
        for (Object[] r : rows) {
            held.computeIfAbsent((String) r[0], a -> new HashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        Map<String, Integer> limits = new HashMap<>();
        waiting.stream().map(j -> j.accountId).distinct().forEach(id -> {
            ProviderAccount account = ProviderAccount.findById(id);
            limits.put(id, account == null ? 0 : account.maxActiveJobs);
        });
        List<String> admitted = FairShare.admit(waiting.stream()
                        .map(j -> new FairShare.Candidate(j.id, j.accountId, j.tenantId, j.priority, j.createdAt)).toList(),
                limits, held, config.scheduler().tenantMaxActiveJobs());
        Map<String, FineTuneJob> byId = new HashMap<>();
        waiting.forEach(j -> byId.put(j.id, j));
        for (String id : admitted) {
            FineTuneJob job = byId.get(id);
            lifecycle.admitted(job, now);
        }
        return admitted.size();
    }

    private static Set<JobState> without(Set<JobState> states, JobState state) {
        EnumSet<JobState> rest = EnumSet.copyOf(states);
        rest.remove(state);
        return rest;
    }
}
