package io.tuneforge.gateway;

import io.quarkus.arc.Unremovable;
import io.tuneforge.testsupport.ShiftableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** This service's clock in its tests: one a test can move (it replaces platform-runtime's default bean). */
public class TestClock {

    @Produces
    @ApplicationScoped
    @Unremovable
    ShiftableClock clock() {
        return new ShiftableClock();
    }
}
