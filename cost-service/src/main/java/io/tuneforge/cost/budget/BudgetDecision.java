package io.tuneforge.cost.budget;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Whether a job that would cost {@code estimated} may start now.
 *
 * @param allowed   false: hold the job (do not drop it); ask again when the month turns or the limit is raised
 * @param reason    why, in words a user can act on
 * @param limit     the monthly limit, null when the tenant has no budget
 * @param spent     priced spend this month
 * @param remaining limit - spent (never below zero), null without a budget
 */
public record BudgetDecision(boolean allowed, String reason, YearMonth month, BigDecimal limit, BigDecimal spent,
                             BigDecimal remaining, BigDecimal estimated) {
}
