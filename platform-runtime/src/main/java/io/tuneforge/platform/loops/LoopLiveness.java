package io.tuneforge.platform.loops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.util.List;

/**
 * Liveness check {@code tuneforge-loops}: DOWN while a background loop has been silent for longer
 * than it may be, so that the orchestrator restarts a process that answers HTTP but no longer works.
 */
@Liveness
@ApplicationScoped
public class LoopLiveness implements HealthCheck {

    @Inject
    Loops loops;

    @Override
    public HealthCheckResponse call() {
        List<LoopWatch.Stall> stalls = loops.stalled();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("tuneforge-loops").status(stalls.isEmpty());
        stalls.forEach(stall -> health.withData(stall.loop(),
                "no iteration completed since " + stall.lastIteration() + " (allowed silence " + stall.allowedSilence() + ")"));
        return health.build();
    }
}
