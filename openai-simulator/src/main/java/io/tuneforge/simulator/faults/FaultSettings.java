package io.tuneforge.simulator.faults;

import java.util.List;

/** Random fault rates (seeded), the slow-response delay, and scripted rules taking precedence over rates. */
public record FaultSettings(
        double errorRate,
        double unavailableRate,
        double slowRate,
        long slowDelayMillis,
        double dropRate,
        double jobFailureRate,
        long seed,
        List<FaultRule> rules) {}
