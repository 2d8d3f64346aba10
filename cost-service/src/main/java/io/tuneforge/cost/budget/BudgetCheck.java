package io.tuneforge.cost.budget;

import io.tuneforge.cost.domain.Budget;
import io.tuneforge.cost.domain.Usd;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The rule applied before a job starts: with a hard-stop budget, a job is held when the month's spend,
 * plus what other jobs have reserved, plus its estimate would exceed the monthly limit. Spend is
 * counted per UTC calendar month, so a new month (or a raised limit) releases held jobs on their next check.
 */
public final class BudgetCheck {

    private BudgetCheck() {
    }

    public static BudgetDecision decide(Optional<Budget> budget, YearMonth month, BigDecimal spent, BigDecimal estimated) {
        return decide(budget, month, spent, BigDecimal.ZERO, estimated);
    }

    /** @param reserved what other jobs' open reservations set aside against this budget */
    public static BudgetDecision decide(Optional<Budget> budget, YearMonth month, BigDecimal spent, BigDecimal reserved,
                                        BigDecimal estimated) {
        if (budget.isEmpty()) {
            return new BudgetDecision(true, "No budget is set for this tenant; set one with PUT /api/v1/budgets/monthly.",
                    month, null, spent, null, estimated);
        }
        Budget b = budget.get();
        BigDecimal committed = spent.add(reserved);
        BigDecimal remaining = b.monthlyLimitUsd.subtract(committed).max(BigDecimal.ZERO);
        boolean fits = committed.add(estimated).compareTo(b.monthlyLimitUsd) <= 0;
        String position = "Spent " + Usd.format(spent) + " of " + Usd.format(b.monthlyLimitUsd) + " USD in " + month
                + (b.pipelineId == null ? "" : " on pipeline " + b.pipelineId)
                + (reserved.signum() > 0 ? ", " + Usd.format(reserved) + " USD reserved by other jobs" : "")
                + "; this job is estimated at " + Usd.format(estimated) + " USD, " + Usd.format(remaining) + " USD remain.";
        if (fits) {
            return new BudgetDecision(true, position, month, b.monthlyLimitUsd, spent, remaining, estimated);
        }
        if (!b.hardStop) {
            return new BudgetDecision(true, position + " The budget is over its limit but has no hard stop, so the job may start.",
                    month, b.monthlyLimitUsd, spent, remaining, estimated);
        }
        return new BudgetDecision(false, position + " Held: the job would exceed " + b.label() + ". It can start when "
                + month.plusMonths(1) + " begins, when other jobs release their reservations, or after the limit is raised (PUT "
                + b.path() + ").", month, b.monthlyLimitUsd, spent, remaining, estimated);
    }
}
