package io.tuneforge.platform.availability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code tuneforge-dependencies}: DOWN while anyone in {@link DependencyOutages} waits. */
@Readiness
@ApplicationScoped
public class DependencyReadiness implements HealthCheck {

    @Inject
    DependencyOutages outages;

    @Override
    public HealthCheckResponse call() {
        return outages.health();
    }
}
