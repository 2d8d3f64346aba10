package io.tuneforge.simulator.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** /q/health/live is DOWN while a background loop is stuck, so Kubernetes or the supervisor restarts the simulator. */
@Liveness
@ApplicationScoped
public class LoopsLiveness implements HealthCheck {

    private final SimulatorLoops loops;

    public LoopsLiveness(SimulatorLoops loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Long> stale = loops.stale();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("simulator-loops").status(stale.isEmpty());
        loops.status().forEach((name, s) -> response.withData(name, stale.containsKey(name)
                ? "stuck for " + stale.get(name) + " ms" : "ok, " + s.failures() + " failed iterations"));
        return response.build();
    }
}
