package io.tuneforge.chaos;

import java.time.Duration;
import java.util.Locale;

/** How much of the suite runs: off (the default build), bounded (CI, a few minutes) or full. */
enum ChaosMode {

    OFF(0, 0, Duration.ZERO),
    BOUNDED(4, 1, Duration.ofMinutes(8)),
    FULL(50, 3, Duration.ofMinutes(45));

    final int jobs;
    final int killsPerService;
    final Duration jobsTimeout;

    ChaosMode(int jobs, int killsPerService, Duration jobsTimeout) {
        this.jobs = jobs;
        this.killsPerService = killsPerService;
        this.jobsTimeout = jobsTimeout;
    }

    static ChaosMode fromSystemProperty() {
        String value = System.getProperty("tuneforge.chaos", "off").trim();
        try {
            return value.isEmpty() ? OFF : valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dtuneforge.chaos=" + value + " is not one of off, bounded, full");
        }
    }
}
