package io.tuneforge.cost.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Fine-tuning against staying on a base model over a horizon of months, where the fine-tuned model's
 * monthly cost is its inference plus its hosting (an Azure deployment bills hours even when idle; OpenAI
 * hosts for free, hosting 0): total fine-tuned = training + months x (fine-tuned inference + hosting); total base = months x base monthly;
 * savings = total base - total fine-tuned; break-even = training / (base monthly - fine-tuned monthly),
 * when the fine-tuned model is cheaper per month at all. Any unknown input makes the totals unknown (null).
 */
public record FineTuningPayoff(
        MonthlyInferenceCost fineTuned,
        MonthlyInferenceCost base,
        BigDecimal trainingCost,
        BigDecimal hostingMonthly,
        BigDecimal fineTunedMonthly,
        int months,
        BigDecimal monthlySavings,
        BigDecimal totalFineTuned,
        BigDecimal totalBase,
        BigDecimal totalSavings,
        BigDecimal breakEvenMonths,
        List<String> unknown) {

    public static FineTuningPayoff of(MonthlyInferenceCost fineTuned, MonthlyInferenceCost base,
                                      BigDecimal trainingCost, String trainingUnknownReason,
                                      BigDecimal hostingMonthly, String hostingUnknownReason, int months) {
        List<String> unknown = new ArrayList<>(fineTuned.missing());
        unknown.addAll(base.missing());
        if (trainingCost == null && trainingUnknownReason != null) {
            unknown.add(trainingUnknownReason);
        }
        if (hostingMonthly == null && hostingUnknownReason != null) {
            unknown.add(hostingUnknownReason);
        }
        BigDecimal ftMonthly = fineTuned.cost() == null || hostingMonthly == null ? null : fineTuned.cost().add(hostingMonthly);
        BigDecimal horizon = BigDecimal.valueOf(months);
        BigDecimal monthlySavings = ftMonthly == null || base.cost() == null ? null : base.cost().subtract(ftMonthly);
        BigDecimal totalBase = base.cost() == null ? null : base.cost().multiply(horizon);
        BigDecimal totalFineTuned = ftMonthly == null || trainingCost == null
                ? null : trainingCost.add(ftMonthly.multiply(horizon));
        BigDecimal totalSavings = totalBase == null || totalFineTuned == null ? null : totalBase.subtract(totalFineTuned);
        BigDecimal breakEven = monthlySavings == null || trainingCost == null || monthlySavings.signum() <= 0
                ? null : trainingCost.divide(monthlySavings, 2, RoundingMode.CEILING);
        return new FineTuningPayoff(fineTuned, base, trainingCost, hostingMonthly, ftMonthly, months, monthlySavings, totalFineTuned, totalBase,
                totalSavings, breakEven, List.copyOf(unknown));
    }
}
