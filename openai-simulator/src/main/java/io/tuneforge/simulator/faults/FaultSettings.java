package io.tuneforge.simulator.faults;

import java.util.List;
import java.util.Map;

/**
 * Random fault rates (seeded; {@code lostRate} applies to job creation, file and upload POSTs and chat completions only), the slow-response delay, scripted rules taking precedence over rates, and
 * per-model chat faults ({@code models}: model id to {@link ModelFault}).
 */
public record FaultSettings(
        double errorRate,
        double unavailableRate,
        double slowRate,
        long slowDelayMillis,
        double dropRate,
        double jobFailureRate,
        double lostRate,
        long seed,
        List<FaultRule> rules,
        Map<String, ModelFault> models) {}
