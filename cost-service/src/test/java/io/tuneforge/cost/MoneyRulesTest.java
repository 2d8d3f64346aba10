package io.tuneforge.cost;

import io.tuneforge.cost.budget.BudgetCheck;
import io.tuneforge.cost.budget.BudgetDecision;
import io.tuneforge.cost.domain.Budget;
import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.cost.estimate.FineTuningPayoff;
import io.tuneforge.cost.estimate.MonthlyInferenceCost;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyRulesTest {

    @Test
    void tokenCostIsExactAndNeverRounded() {
        assertThat(Usd.format(Usd.forTokens(15_000, new BigDecimal("5.00")))).isEqualTo("0.075");
        assertThat(Usd.format(Usd.forTokens(1, new BigDecimal("0.025")))).isEqualTo("0.000000025");
        assertThat(Usd.format(Usd.forTokens(16_000_000, new BigDecimal("5.00")))).isEqualTo("80.00");
        assertThat(Usd.format(null)).as("unknown stays unknown").isNull();
    }

    @Test
    void hardStopHoldsAJobThatWouldExceedTheLimitAndANewMonthReleasesIt() {
        Budget budget = budget("100.00", true);
        YearMonth november = YearMonth.of(2026, 11);

        BudgetDecision fits = BudgetCheck.decide(Optional.of(budget), november, new BigDecimal("80"), new BigDecimal("20"));
        assertThat(fits.allowed()).as("exactly reaching the limit is allowed").isTrue();

        BudgetDecision held = BudgetCheck.decide(Optional.of(budget), november, new BigDecimal("80"), new BigDecimal("20.01"));
        assertThat(held.allowed()).isFalse();
        assertThat(held.reason()).contains("Held").contains("2026-12").contains("PUT /api/v1/budgets/monthly");
        assertThat(held.remaining()).isEqualByComparingTo("20.00");

        // December's spend starts at zero: the same job fits again.
        BudgetDecision nextMonth = BudgetCheck.decide(Optional.of(budget), november.plusMonths(1), BigDecimal.ZERO,
                new BigDecimal("20.01"));
        assertThat(nextMonth.allowed()).isTrue();
    }

    @Test
    void withoutHardStopOrWithoutBudgetJobsAreAllowedWithTheReason() {
        BudgetDecision soft = BudgetCheck.decide(Optional.of(budget("10.00", false)), YearMonth.of(2026, 11),
                new BigDecimal("12"), BigDecimal.ONE);
        assertThat(soft.allowed()).isTrue();
        assertThat(soft.reason()).contains("no hard stop");

        BudgetDecision none = BudgetCheck.decide(Optional.empty(), YearMonth.of(2026, 11), BigDecimal.TEN, BigDecimal.ONE);
        assertThat(none.allowed()).isTrue();
        assertThat(none.reason()).contains("No budget");
    }

    @Test
    void payoffComparesTrainingPlusFineTunedAgainstStayingOnBase() {
        CatalogModel mini = model("gpt-4.1-mini");
        CatalogModel full = model("gpt-4.1");
        FineTuningPayoff payoff = FineTuningPayoff.of(
                new MonthlyInferenceCost(mini, true, new BigDecimal("480"), List.of()),
                new MonthlyInferenceCost(full, false, new BigDecimal("3800"), List.of()),
                new BigDecimal("5000"), null, BigDecimal.ZERO, null, 12);
        assertThat(payoff.monthlySavings()).isEqualByComparingTo("3320");
        assertThat(payoff.totalFineTuned()).isEqualByComparingTo("10760");
        assertThat(payoff.totalBase()).isEqualByComparingTo("45600");
        assertThat(payoff.totalSavings()).isEqualByComparingTo("34840");
        assertThat(payoff.breakEvenMonths()).as("5000 / 3320, rounded up").isEqualByComparingTo("1.51");
    }

    @Test
    void hostingIsPartOfTheFineTunedMonthlyCost() {
        FineTuningPayoff payoff = FineTuningPayoff.of(
                new MonthlyInferenceCost(model("gpt-4.1-mini"), true, new BigDecimal("480"), List.of()),
                new MonthlyInferenceCost(model("gpt-4.1"), false, new BigDecimal("3800"), List.of()),
                new BigDecimal("5000"), null, new BigDecimal("1241"), null, 12);
        assertThat(payoff.fineTunedMonthly()).isEqualByComparingTo("1721");
        assertThat(payoff.monthlySavings()).isEqualByComparingTo("2079");
        assertThat(payoff.totalFineTuned()).as("5000 + 12 x 1721").isEqualByComparingTo("25652");
        assertThat(payoff.breakEvenMonths()).as("5000 / 2079, rounded up").isEqualByComparingTo("2.41");
        FineTuningPayoff unknownHosting = FineTuningPayoff.of(
                new MonthlyInferenceCost(model("gpt-4.1-mini"), true, new BigDecimal("480"), List.of()),
                new MonthlyInferenceCost(model("gpt-4.1"), false, new BigDecimal("3800"), List.of()),
                new BigDecimal("5000"), null, null, "gpt-4.1-mini standard hosting price", 12);
        assertThat(unknownHosting.totalFineTuned()).isNull();
        assertThat(unknownHosting.monthlySavings()).isNull();
        assertThat(unknownHosting.totalBase()).isEqualByComparingTo("45600");
        assertThat(unknownHosting.unknown()).containsExactly("gpt-4.1-mini standard hosting price");
    }

    @Test
    void anUnknownPriceMakesTheTotalsUnknownNotZero() {
        FineTuningPayoff payoff = FineTuningPayoff.of(
                new MonthlyInferenceCost(model("gpt-x"), true, null, List.of("gpt-x fine-tuned output")),
                new MonthlyInferenceCost(model("gpt-4.1"), false, new BigDecimal("3800"), List.of()),
                new BigDecimal("5"), null, BigDecimal.ZERO, null, 12);
        assertThat(payoff.totalFineTuned()).isNull();
        assertThat(payoff.totalSavings()).isNull();
        assertThat(payoff.breakEvenMonths()).isNull();
        assertThat(payoff.unknown()).containsExactly("gpt-x fine-tuned output");
    }

    private static Budget budget(String limit, boolean hardStop) {
        Budget budget = new Budget();
        budget.budgetId = "bud_test";
        budget.tenantId = "t";
        budget.monthlyLimitUsd = new BigDecimal(limit);
        budget.warnPercent = Budget.DEFAULT_WARN_PERCENT;
        budget.hardStop = hardStop;
        return budget;
    }

    private static CatalogModel model(String id) {
        CatalogModel model = new CatalogModel();
        model.modelId = id;
        return model;
    }
}
