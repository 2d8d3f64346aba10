package io.tuneforge.simulator.limits;

import io.tuneforge.simulator.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Holds the limits in force, so a test or demo can tighten them without a restart. */
@ApplicationScoped
public class LimitPolicy {

    private final LimitSettings configured;
    private volatile LimitSettings current;

    public LimitPolicy(SimulatorConfig config) {
        SimulatorConfig.Limits l = config.limits();
        this.configured = new LimitSettings(l.requestsPerMinute(), l.tokensPerMinute(), l.window().toMillis(), l.maxActiveJobs(),
                l.maxDailyJobs());
        this.current = configured;
    }

    public LimitSettings current() {
        return current;
    }

    public void set(LimitSettings settings) {
        this.current = settings;
    }

    public void reset() {
        this.current = configured;
    }
}
