package io.tuneforge.cost.domain;

import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

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
}
