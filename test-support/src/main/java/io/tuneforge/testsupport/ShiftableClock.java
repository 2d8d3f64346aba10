package io.tuneforge.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's clock in tests: the real UTC time plus an offset a test moves, e.g. past the end of a
 * usage window or a model's end of training, instead of waiting for it. Not a bean by itself: a module
 * that needs it produces it ({@code @Produces @ApplicationScoped}), which replaces platform-runtime's
 * default clock in that module's tests only.
 */
public class ShiftableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void shift(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void shiftTo(Instant at) {
        offset.set(Duration.between(Instant.now(), at));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same shifted instant seen in another zone (a shift made later shows in the view too). */
    @Override
    public Clock withZone(ZoneId zone) {
        ShiftableClock shifted = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return shifted.withZone(other);
            }

            @Override
            public Instant instant() {
                return shifted.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
