package io.tuneforge.cost.budget;

import io.tuneforge.cost.domain.Budget;
import io.tuneforge.cost.domain.BudgetAlert;
import io.tuneforge.cost.domain.BudgetReservation;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetRestored;
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
 * Watches monthly spend against the tenant's and the pipelines' budgets and announces the crossings:
 * {@code budget.warning} at the warning threshold, {@code budget.exceeded} at the limit, each once per
 * month and limit, and {@code budget.restored} once when an exceeded hard-stop budget stops holding
 * jobs, and whenever a budget that held a job's reservation (its estimate did not fit) is loosened or
 * deleted while that job still waits; always in the transaction that recorded the spend (or changed
 * the budget).
 */
@ApplicationScoped
public class BudgetGuard {

    public static final String LIMIT_RAISED = "limit_raised";
    public static final String HARD_STOP_DISABLED = "hard_stop_disabled";
    public static final String BUDGET_DELETED = "budget_deleted";
    public static final String NEW_MONTH = "new_month";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** After spend was booked for the tenant (and the pipeline, when not null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(String tenantId, String pipelineId, YearMonth month) {
        Budget.ofTenant(tenantId).ifPresent(budget -> review(budget, month));
        if (pipelineId != null) {
            Budget.ofPipeline(tenantId, pipelineId).ifPresent(budget -> review(budget, month));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void review(Budget budget, YearMonth month) {
        BigDecimal spent = budget.spentIn(month);
        Instant now = clock.instant();
        // A single large spend may cross both thresholds: warn first so consumers see the usual order.
        if (spent.compareTo(budget.warnAt()) >= 0
                && BudgetAlert.claim(em, budget, month, BudgetAlert.Level.WARNING, spent, now)) {
            outbox.publish(budget.tenantId, new BudgetWarning(budget.budgetId, month.toString(),
                    Usd.format(budget.monthlyLimitUsd), Usd.format(spent), budget.warnPercent,
                    Usd.format(Usd.percent(spent, budget.monthlyLimitUsd)), now, budget.pipelineId));
        }
        if (spent.compareTo(budget.monthlyLimitUsd) >= 0
                && BudgetAlert.claim(em, budget, month, BudgetAlert.Level.EXCEEDED, spent, now)) {
            outbox.publish(budget.tenantId, new BudgetExceeded(budget.budgetId, month.toString(),
                    Usd.format(budget.monthlyLimitUsd), Usd.format(spent), budget.hardStop, now, budget.pipelineId));
        }
    }

    /**
     * After a budget's limit or hard stop changed, before {@link #review}: when the budget no longer holds
     * jobs this month, its open excess is over (announced when it was a hard-stop budget before the
     * change); when it holds again after having stopped (hard stop turned back on while over the limit),
     * the excess is forgotten so that {@link #review} announces it again and a later release is announced too.
     * A budget that was never exceeded can still hold jobs whose estimate did not fit what was left:
     * loosening it announces the restore too, so that those jobs are decided again now rather than at
     * their next periodic re-check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Budget budget, boolean wasHardStop, BigDecimal oldLimit, YearMonth month) {
        BigDecimal spent = budget.spentIn(month);
        if (budget.holds(spent)) {
            boolean held = wasHardStop && oldLimit != null && spent.compareTo(oldLimit) >= 0;
            if (!held) {
                BudgetAlert.forgetRestoredExcess(em, budget, month);
            }
            return;
        }
        boolean hardStopOff = wasHardStop && !budget.hardStop;
        boolean loosened = hardStopOff || oldLimit == null || budget.monthlyLimitUsd.compareTo(oldLimit) > 0;
        String reason = hardStopOff ? HARD_STOP_DISABLED : LIMIT_RAISED;
        restore(budget, reason, month, Usd.format(budget.monthlyLimitUsd), spent, wasHardStop, month.plusMonths(1),
                loosened && BudgetReservation.anyHeldBy(budget.tenantId, budget.budgetId));
    }

    /** The budget is about to be deleted: a hard-stop budget that was exceeded, or held a job, stops holding. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleting(Budget budget, YearMonth month) {
        restore(budget, BUDGET_DELETED, month, null, budget.spentIn(month), budget.hardStop, month.plusMonths(1),
                BudgetReservation.anyHeldBy(budget.tenantId, budget.budgetId));
        BudgetAlert.deleteOf(em, budget.budgetId);
    }

    /**
     * {@code month} has begun: an excess left open from an earlier month is over unless the budget is
     * already over its limit again.
     *
     * @return whether this call announced the restore
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean monthBegan(Budget budget, YearMonth month) {
        BigDecimal spent = budget.spentIn(month);
        if (budget.holds(spent)) {
            return false;
        }
        // Jobs held by an estimate that did not fit are not announced here: this runs periodically and
        // would announce them on every run; they are decided again at their own re-check.
        return restore(budget, NEW_MONTH, month, Usd.format(budget.monthlyLimitUsd), spent, budget.hardStop, month, false);
    }

    /**
     * Closes the budget's open excess (announced when {@code announceExcess}) and announces the restore
     * also when {@code jobsWaiting}: jobs it held wait for a decision that may now differ.
     */
    private boolean restore(Budget budget, String reason, YearMonth month, String limit, BigDecimal spent, boolean announceExcess,
                            YearMonth openBefore, boolean jobsWaiting) {
        Instant now = clock.instant();
        boolean excessOver = BudgetAlert.claimRestore(em, budget.budgetId, openBefore, reason, now) > 0;
        if (!(excessOver && announceExcess) && !jobsWaiting) {
            return false;
        }
        outbox.publish(budget.tenantId, new BudgetRestored(budget.budgetId, budget.pipelineId, month.toString(), limit,
                Usd.format(spent), reason, now));
        return true;
    }
}
