package io.tuneforge.simulator.azure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of Azure's deployment lifecycle: wall time plus an offset that a test moves forward
 * ({@code POST /admin/azure/clock}), so a 24 h Developer tier lifetime or 15 days of inactivity pass in a
 * second without touching the training clock.
 */
@ApplicationScoped
public class AzureClock {

    private final AtomicLong offset = new AtomicLong();

    public long now() {
        return System.currentTimeMillis() + offset.get();
    }

    public void advance(Duration by) {
        offset.addAndGet(by.toMillis());
    }

    public long offsetMillis() {
        return offset.get();
    }

    public void reset() {
        offset.set(0);
    }
}
