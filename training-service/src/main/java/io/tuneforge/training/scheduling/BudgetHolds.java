package io.tuneforge.training.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** Whether a tenant's jobs are held for budget this month, and moving jobs in and out of the hold. */
@ApplicationScoped
public class BudgetHolds {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public String currentMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean held(String tenantId) {
        return !em.createNativeQuery("select 1 from budget_hold where tenant_id = ?1 and month = ?2")
                .setParameter(1, tenantId).setParameter(2, currentMonth()).getResultList().isEmpty();
    }

    /** Records a hold and moves the tenant's waiting jobs behind it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(String tenantId, String budgetId, String month, String limitUsd, String spentUsd) {
        em.createNativeQuery("""
                insert into budget_hold (tenant_id, budget_id, month, limit_usd, spent_usd, held_since)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                .setParameter(1, tenantId).setParameter(2, budgetId).setParameter(3, month).setParameter(4, limitUsd)
                .setParameter(5, spentUsd).setParameter(6, clock.instant()).executeUpdate();
        if (month.equals(currentMonth())) {
            em.createNativeQuery("update fine_tune_job set state = 'WAITING_FOR_BUDGET', updated_at = ?2 "
                            + "where tenant_id = ?1 and state = 'WAITING_FOR_SLOT'")
                    .setParameter(1, tenantId).setParameter(2, clock.instant()).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int lift(String tenantId, String budgetId) {
        return em.createNativeQuery("delete from budget_hold where tenant_id = ?1 and budget_id = ?2")
                .setParameter(1, tenantId).setParameter(2, budgetId).executeUpdate();
    }

    /** Jobs whose tenant has no hold this month (lifted, or a new month began) go back in line. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release() {
        Instant now = clock.instant();
        return em.createNativeQuery("""
                update fine_tune_job set state = 'WAITING_FOR_SLOT', next_attempt_at = ?1, updated_at = ?1
                where state = 'WAITING_FOR_BUDGET'
                  and tenant_id not in (select tenant_id from budget_hold where month = ?2)""")
                .setParameter(1, now).setParameter(2, currentMonth()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Object[]> of(String tenantId) {
        return em.createNativeQuery("select budget_id, month, limit_usd, spent_usd, held_since from budget_hold "
                + "where tenant_id = ?1 order by held_since").setParameter(1, tenantId).getResultList();
    }
}
