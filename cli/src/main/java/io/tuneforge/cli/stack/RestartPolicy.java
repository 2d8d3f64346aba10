package io.tuneforge.cli.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the supervisor starts a dead child again. A child that dies after it was ready is always
 * restarted, after a delay that doubles with each death in a row (3 s, 6 s, 12 s ... at most 60 s)
 * and goes back to the first once it stayed ready for {@link #STABLE}; a child that dies again and
 * again before it is ever ready is given up after {@link #MAX_FAILED_STARTS} tries, so `up` reports
 * it instead of waiting forever. Pure: the supervisor keeps one {@link Life} per child.
 */
final class RestartPolicy {

    static final Duration FIRST_DELAY = Duration.ofSeconds(3);
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    static final Duration STABLE = Duration.ofMinutes(2);
    static final int MAX_FAILED_STARTS = 3;

    private RestartPolicy() {
    }

    /** What the supervisor remembers of one child between its deaths. */
    static final class Life {
        private int deathsInARow;
        private int failedStarts;
        private Instant readySince;

        /** The child answered ready (again). */
        void ready(Instant now) {
            readySince = now;
            failedStarts = 0;
        }

        /**
         * The child died (or could not be started).
         *
         * @return the delay before the next start, or empty when it is given up
         */
        Optional<Duration> died(Instant now) {
            boolean wasReady = readySince != null;
            if (wasReady && Duration.between(readySince, now).compareTo(STABLE) >= 0) {
                deathsInARow = 0;
            }
            readySince = null;
            deathsInARow++;
            if (!wasReady && ++failedStarts >= MAX_FAILED_STARTS) {
                return Optional.empty();
            }
            return Optional.of(delay(deathsInARow));
        }

        int failedStarts() {
            return failedStarts;
        }
    }

    static Duration delay(int deathsInARow) {
        int doublings = Math.min(Math.max(deathsInARow - 1, 0), 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
