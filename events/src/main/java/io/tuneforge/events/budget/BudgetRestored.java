package io.tuneforge.events.budget;

import io.tuneforge.events.EventPayload;

import java.time.Instant;

/**
 * A budget that was exceeded (hard stop) no longer holds jobs: its limit was raised above the spend, its
 * hard stop was turned off, it was deleted, or a new month began. training-service releases the jobs it
 * held for it. Emitted once per budget and release; also whenever a budget that held a job because the
 * job's estimate did not fit what was left is loosened or deleted while that job still waits (the
 * budget need not have been exceeded), so that the job is decided again at once.
 *
 * @param budgetId   the budget
 * @param pipelineId the pipeline the budget is scoped to; null for the tenant-wide budget
 * @param month      the calendar month (UTC) now in force, {@code YYYY-MM}
 * @param limitUsd   the limit now in force, decimal string in USD; null when the budget was deleted
 * @param spentUsd   spend in that month, decimal string in USD
 * @param reason     {@code limit_raised}, {@code hard_stop_disabled}, {@code budget_deleted} or {@code new_month}
 * @param restoredAt when
 */
public record BudgetRestored(
        String budgetId,
        String pipelineId,
        String month,
        String limitUsd,
        String spentUsd,
        String reason,
        Instant restoredAt) implements EventPayload {

    @Override
    public String subject() {
        return budgetId;
    }
}
