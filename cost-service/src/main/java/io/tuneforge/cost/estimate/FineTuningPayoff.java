package io.tuneforge.cost.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Fine-tuning against staying on a base model over a horizon of months:
 * total fine-tuned = training + months x fine-tuned monthly; total base = months x base monthly;
 * savings = total base - total fine-tuned; break-even = training / (base monthly - fine-tuned monthly),
 * when the fine-tuned model is cheaper per month at all. Any unknown input makes the totals unknown (null).
 */
public record FineTuningPayoff(
        MonthlyInferenceCost fineTuned,
        MonthlyInferenceCost base,
        BigDecimal trainingCost,
        int months,
        BigDecimal monthlySavings,
        BigDecimal totalFineTuned,
        BigDecimal totalBase,
        BigDecimal totalSavings,
        BigDecimal breakEvenMonths,
        List<String> unknown) {

    public static FineTuningPayoff of(MonthlyInferenceCost fineTuned, MonthlyInferenceCost base,
                                      BigDecimal trainingCost, String trainingUnknownReason, int months) {
        List<String> unknown = new ArrayList<>(fineTuned.missing());
        unknown.addAll(base.missing());
        if (trainingCost == null && trainingUnknownReason != null) {
            unknown.add(trainingUnknownReason);
        }
        BigDecimal horizon = BigDecimal.valueOf(months);
        BigDecimal monthlySavings = fineTuned.cost() == null || base.cost() == null
                ? null : base.cost().subtract(fineTuned.cost());
        BigDecimal totalBase = base.cost() == null ? null : base.cost().multiply(horizon);
        BigDecimal totalFineTuned = fineTuned.cost() == null || trainingCost == null
                ? null : trainingCost.add(fineTuned.cost().multiply(horizon));
        BigDecimal totalSavings = totalBase == null || totalFineTuned == null ? null : totalBase.subtract(totalFineTuned);
        BigDecimal breakEven = monthlySavings == null || trainingCost == null || monthlySavings.signum() <= 0
                ? null : trainingCost.divide(monthlySavings, 2, RoundingMode.CEILING);
        return new FineTuningPayoff(fineTuned, base, trainingCost, months, monthlySavings, totalFineTuned, totalBase,
                totalSavings, breakEven, List.copyOf(unknown));
    }
}
