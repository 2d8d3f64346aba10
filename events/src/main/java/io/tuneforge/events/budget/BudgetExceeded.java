package io.tuneforge.events.budget;

import io.tuneforge.events.EventPayload;

import java.time.Instant;

/**
 * A tenant's spend this month reached its monthly limit. With {@code hardStop}, new jobs are held
 * (training-service asks {@code POST /api/v1/budgets/check} before starting one) until a new month
 * begins or the limit is raised. Emitted once per budget, month and limit.
 *
 * @param budgetId  the budget
 * @param month     the calendar month (UTC), {@code YYYY-MM}
 * @param limitUsd  the monthly limit, decimal string in USD
 * @param spentUsd  spend this month, decimal string in USD
 * @param hardStop  whether new jobs are held while over the limit
 * @param pipelineId   the pipeline the budget is scoped to; null for the tenant-wide budget (optional, added in v1)
 * @param crossedAt when
 */
public record BudgetExceeded(
        String budgetId,
        String month,
        String limitUsd,
        String spentUsd,
        boolean hardStop,
        Instant crossedAt,
        String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return budgetId;
    }
}
