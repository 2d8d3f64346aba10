package io.tuneforge.events.budget;

import io.tuneforge.events.EventPayload;

import java.time.Instant;

/**
 * A tenant's spend this month crossed the warning threshold of its budget. Emitted once per budget,
 * month and limit: raising the limit and crossing again warns again.
 *
 * @param budgetId     the budget
 * @param month        the calendar month (UTC) the spend belongs to, {@code YYYY-MM}
 * @param limitUsd     the monthly limit, decimal string in USD
 * @param spentUsd     spend this month when the threshold was crossed, decimal string in USD
 * @param warnPercent  the threshold, percent of the limit
 * @param spentPercent spend as percent of the limit, decimal string
 * @param pipelineId   the pipeline the budget is scoped to; null for the tenant-wide budget (optional, added in v1)
 * @param crossedAt    when
 */
public record BudgetWarning(
        String budgetId,
        String month,
        String limitUsd,
        String spentUsd,
        int warnPercent,
        String spentPercent,
        Instant crossedAt,
        String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return budgetId;
    }
}
