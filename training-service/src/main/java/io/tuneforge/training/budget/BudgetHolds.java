package io.tuneforge.training.budget;

import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.lifecycle.JobEvent;
import io.tuneforge.training.lifecycle.JobLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Whether a job is held for budget this month, and moving jobs in and out of the hold. A hold from
 * a tenant-wide budget holds every job of the tenant; one from a pipeline's budget holds only the
 * jobs that pipeline started.
 */
@ApplicationScoped
public class BudgetHolds {

    /** A hold of the current month that covers the job row aliased {@code j}. */
    private static final String COVERS_JOB = "exists (select 1 from budget_hold h where h.tenant_id = j.tenant_id and h.month = ?2 "
            + "and (h.pipeline_id is null or h.pipeline_id = j.pipeline_id))";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    JobLifecycle lifecycle;

    public String currentMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
    }

    /** Whether a job of {@code pipelineId} (null: a direct job) of the tenant is held now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean held(String tenantId, String pipelineId) {
        return heldBecause(tenantId, pipelineId).isPresent();
    }

    /** Why a job of {@code pipelineId} (null: a direct job) of the tenant is held now; empty when it is not. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<String> heldBecause(String tenantId, String pipelineId) {
        Query q = em.createNativeQuery("select budget_id, pipeline_id, spent_usd, limit_usd, month from budget_hold "
                + "where tenant_id = ?1 and month = ?2 and (pipeline_id is null" + (pipelineId == null ? ")" : " or pipeline_id = ?3)")
                + " order by held_since");
        q.setParameter(1, tenantId).setParameter(2, currentMonth());
        if (pipelineId != null) {
            q.setParameter(3, pipelineId);
        }
        List<Object[]> rows = q.setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(r -> reason((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]));
    }

    private static String reason(String budgetId, String pipelineId, String spentUsd, String limitUsd, String month) {
        return "budget " + budgetId + (pipelineId == null ? "" : " of pipeline " + pipelineId) + " is exceeded (" + spentUsd + " of "
                + limitUsd + " USD in " + month + "); jobs wait until it is restored or the hold is lifted";
    }

    /**
     * Records a hold and moves the waiting jobs it covers behind it, unless the budget was already
     * restored after it was crossed (the restore overtook this event on its own topic).
     *
     * @return false when a later restore makes this excess moot
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hold(String tenantId, String budgetId, String month, String limitUsd, String spentUsd, String pipelineId,
                        Instant crossedAt) {
        if (crossedAt != null && !em.createNativeQuery("select 1 from budget_restore where tenant_id = ?1 and budget_id = ?2 "
                        + "and restored_at >= ?3")
                .setParameter(1, tenantId).setParameter(2, budgetId).setParameter(3, crossedAt).getResultList().isEmpty()) {
            return false;
        }
        em.createNativeQuery("""
                insert into budget_hold (tenant_id, budget_id, month, limit_usd, spent_usd, held_since, pipeline_id, crossed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (tenant_id, budget_id, month) do update set crossed_at = greatest(budget_hold.crossed_at, excluded.crossed_at),
                    limit_usd = excluded.limit_usd, spent_usd = excluded.spent_usd""")
                .setParameter(1, tenantId).setParameter(2, budgetId).setParameter(3, month).setParameter(4, limitUsd)
                .setParameter(5, spentUsd).setParameter(6, clock.instant()).setParameter(7, pipelineId)
                .setParameter(8, crossedAt == null ? clock.instant() : crossedAt).executeUpdate();
        if (month.equals(currentMonth())) {
            String reason = reason(budgetId, pipelineId, spentUsd, limitUsd, month);
            if (pipelineId == null) {
                lifecycle.moveAll(JobEvent.HELD_FOR_BUDGET, "budget_reason = ?3, updated_at = ?2", "j.tenant_id = ?1",
                        tenantId, clock.instant(), reason);
            } else {
                lifecycle.moveAll(JobEvent.HELD_FOR_BUDGET, "budget_reason = ?3, updated_at = ?2", "j.tenant_id = ?1 and j.pipeline_id = ?4",
                        tenantId, clock.instant(), reason, pipelineId);
            }
        }
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int lift(String tenantId, String budgetId) {
        return em.createNativeQuery("delete from budget_hold where tenant_id = ?1 and budget_id = ?2")
                .setParameter(1, tenantId).setParameter(2, budgetId).executeUpdate();
    }

    /**
     * The budget no longer holds jobs ({@code budget.restored}): its hold goes, and jobs cost-service
     * held in its scope are checked again now instead of at their next re-check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int restored(String tenantId, String budgetId, String pipelineId, Instant restoredAt) {
        if (restoredAt != null) {
            em.createNativeQuery("""
                    insert into budget_restore (tenant_id, budget_id, restored_at) values (?1, ?2, ?3)
                    on conflict (tenant_id, budget_id) do update set restored_at = greatest(budget_restore.restored_at, excluded.restored_at)""")
                    .setParameter(1, tenantId).setParameter(2, budgetId).setParameter(3, restoredAt).executeUpdate();
        }
        int lifted = restoredAt == null ? lift(tenantId, budgetId)
                : em.createNativeQuery("delete from budget_hold where tenant_id = ?1 and budget_id = ?2 "
                        + "and (crossed_at is null or crossed_at <= ?3)")
                .setParameter(1, tenantId).setParameter(2, budgetId).setParameter(3, restoredAt).executeUpdate();
        Query q = em.createNativeQuery("update fine_tune_job set budget_recheck_at = ?2 where tenant_id = ?1 "
                + "and state = ?3 and budget_recheck_at is not null" + (pipelineId == null ? "" : " and pipeline_id = ?4"));
        q.setParameter(1, tenantId).setParameter(2, clock.instant()).setParameter(3, JobState.WAITING_FOR_BUDGET.name());
        if (pipelineId != null) {
            q.setParameter(4, pipelineId);
        }
        q.executeUpdate();
        return lifted;
    }

    /**
     * Jobs no hold covers any more (lifted, restored, or a new month began) go back in line, except
     * those cost-service held until their re-check time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release() {
        Instant now = clock.instant();
        return lifecycle.moveAll(JobEvent.BUDGET_RELEASED, "next_attempt_at = ?1, updated_at = ?1, budget_reason = null, budget_recheck_at = null",
                "(j.budget_recheck_at is null or j.budget_recheck_at <= ?1) and not " + COVERS_JOB, now, currentMonth());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Object[]> of(String tenantId) {
        return em.createNativeQuery("select budget_id, month, limit_usd, spent_usd, held_since, pipeline_id from budget_hold "
                + "where tenant_id = ?1 order by held_since").setParameter(1, tenantId).getResultList();
    }
}
