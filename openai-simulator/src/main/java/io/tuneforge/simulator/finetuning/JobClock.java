package io.tuneforge.simulator.finetuning;

import io.tuneforge.simulator.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Job durations on the configured time scale: the same job takes 2 s in a test and minutes in a demo. */
@ApplicationScoped
public class JobClock {

    private final SimulatorConfig config;

    public JobClock(SimulatorConfig config) {
        this.config = config;
    }

    public long scaled(Duration duration) {
        return Math.max(0, Math.round(duration.toMillis() * config.time().scale()));
    }

    /** Epoch millis when something lasting `duration` (scaled) started now is due. */
    public long after(Duration duration) {
        return System.currentTimeMillis() + scaled(duration);
    }

    /** Epoch seconds when the remaining steps will be done. */
    public long estimatedFinish(int remainingSteps) {
        return Instant.ofEpochMilli(System.currentTimeMillis() + scaled(config.time().step()) * Math.max(0, remainingSteps)).getEpochSecond();
    }
}
