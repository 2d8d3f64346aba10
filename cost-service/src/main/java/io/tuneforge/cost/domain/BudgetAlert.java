package io.tuneforge.cost.domain;

import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The record that a budget threshold was crossed in a month at a given limit. Inserting it is how the
 * guard claims the right to emit the alert: concurrent spends race on the primary key, one wins.
 */
public final class BudgetAlert {

    public enum Level { WARNING, EXCEEDED }

    private BudgetAlert() {
    }

    /** True when this call recorded the crossing (so the caller emits the event); false when it was already recorded. */
    public static boolean claim(EntityManager em, Budget budget, YearMonth month, Level level, BigDecimal spent,
                                Instant at) {
        return em.createNativeQuery("""
                        insert into budget_alert (budget_id, month, level, limit_usd, spent_usd, raised_at)
                        values (:budget, :month, :level, :limit, :spent, :at)
                        on conflict do nothing""")
                .setParameter("budget", budget.budgetId)
                .setParameter("month", month.toString())
                .setParameter("level", level.name().toLowerCase())
                .setParameter("limit", budget.monthlyLimitUsd)
                .setParameter("spent", spent)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /**
     * Marks the budget's open exceeded alerts of months before {@code before} as restored. The update
     * locks each row and re-checks {@code restored_at is null} after a concurrent writer commits, so
     * across replicas exactly one transaction claims a given alert.
     *
     * @return how many alerts this call claimed (0: nothing was open, or someone else claimed them)
     */
    public static int claimRestore(EntityManager em, String budgetId, YearMonth before, String reason, Instant at) {
        return em.createNativeQuery("""
                        update budget_alert set restored_at = :at, restore_reason = :reason
                        where budget_id = :budget and level = 'exceeded' and restored_at is null and month < :before""")
                .setParameter("at", at)
                .setParameter("reason", reason)
                .setParameter("budget", budgetId)
                .setParameter("before", before.toString())
                .executeUpdate();
    }

    /** Budgets with an exceeded alert still open from a month before {@code month}. */
    @SuppressWarnings("unchecked")
    public static List<String> budgetsOpenBefore(EntityManager em, YearMonth month) {
        return em.createNativeQuery("""
                        select distinct budget_id from budget_alert
                        where level = 'exceeded' and restored_at is null and month < :month""")
                .setParameter("month", month.toString())
                .getResultList();
    }

    /** Forgets the restored excess of this month at the current limit, so that crossing it again is announced again. */
    public static void forgetRestoredExcess(EntityManager em, Budget budget, YearMonth month) {
        em.createNativeQuery("""
                        delete from budget_alert where budget_id = :budget and month = :month and level = 'exceeded'
                        and limit_usd = :limit and restored_at is not null""")
                .setParameter("budget", budget.budgetId)
                .setParameter("month", month.toString())
                .setParameter("limit", budget.monthlyLimitUsd)
                .executeUpdate();
    }

    /** Forgets a budget's alerts (the budget is being deleted). */
    public static void deleteOf(EntityManager em, String budgetId) {
        em.createNativeQuery("delete from budget_alert where budget_id = :budget")
                .setParameter("budget", budgetId).executeUpdate();
    }
}
