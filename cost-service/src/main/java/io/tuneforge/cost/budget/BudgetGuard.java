package io.tuneforge.cost.budget;

import io.tuneforge.cost.domain.Budget;
import io.tuneforge.cost.domain.BudgetAlert;
import io.tuneforge.cost.domain.SpendEntry;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetWarning;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

/**
 * Watches a tenant's monthly spend against its budget and announces the crossings: {@code budget.warning}
 * at the warning threshold, {@code budget.exceeded} at the limit, each once per month and limit, in
 * the transaction that recorded the spend (or changed the budget).
 */
@ApplicationScoped
public class BudgetGuard {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void review(String tenantId, YearMonth month) {
        Budget.ofTenant(tenantId).ifPresent(budget -> review(budget, month));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void review(Budget budget, YearMonth month) {
        BigDecimal spent = SpendEntry.spentIn(budget.tenantId, month);
        Instant now = clock.instant();
        // A single large spend may cross both thresholds: warn first so consumers see the usual order.
        if (spent.compareTo(budget.warnAt()) >= 0
                && BudgetAlert.claim(em, budget, month, BudgetAlert.Level.WARNING, spent, now)) {
            outbox.publish(budget.tenantId, new BudgetWarning(budget.budgetId, month.toString(),
                    Usd.format(budget.monthlyLimitUsd), Usd.format(spent), budget.warnPercent,
                    Usd.format(Usd.percent(spent, budget.monthlyLimitUsd)), now, null));
        }
        if (spent.compareTo(budget.monthlyLimitUsd) >= 0
                && BudgetAlert.claim(em, budget, month, BudgetAlert.Level.EXCEEDED, spent, now)) {
            outbox.publish(budget.tenantId, new BudgetExceeded(budget.budgetId, month.toString(),
                    Usd.format(budget.monthlyLimitUsd), Usd.format(spent), budget.hardStop, now, null));
        }
    }
}
