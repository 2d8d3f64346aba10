package io.tuneforge.eval.run;

import java.time.Duration;

/**
 * How many calls a run makes at once: additive increase after a clean wave, halved after a wave that
 * was rate limited (AIMD, as TCP does), never below one and never above the run's maximum.
 */
public final class AdaptiveConcurrency {

    private final int max;
    private int current;
    private Duration backoff = Duration.ZERO;

    public AdaptiveConcurrency(int max) {
        this.max = Math.max(1, max);
        this.current = this.max;
    }

    public int current() {
        return current;
    }

    /** The wait before the next wave: the longest retry-after of the last throttled wave, else zero. */
    public Duration backoff() {
        return backoff;
    }

    public void clean() {
        current = Math.min(max, current + 1);
        backoff = Duration.ZERO;
    }

    public void throttled(Duration retryAfter) {
        current = Math.max(1, current / 2);
        backoff = retryAfter;
    }
}
