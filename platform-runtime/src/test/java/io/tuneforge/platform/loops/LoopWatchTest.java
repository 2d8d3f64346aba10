package io.tuneforge.platform.loops;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class LoopWatchTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<String> halts = new ArrayList<>();
    private final LoopWatch watch = new LoopWatch(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, (why, cause) -> halts.add(why), 3, Duration.ofSeconds(10));

    @Test
    void aLoopIsStalledOnceSilentForItsMultipleOfTheIntervalOrTheMinimum() {
        watch.watch("fast", Duration.ofMillis(500));   // allowed 10 s (the minimum)
        watch.watch("slow", Duration.ofSeconds(20));   // allowed 60 s
        now = now.plusSeconds(11);
        assertThat(watch.stalled()).extracting(LoopWatch.Stall::loop).containsExactly("fast");
        watch.completed("fast");
        now = now.plusSeconds(50);
        assertThat(watch.stalled()).extracting(LoopWatch.Stall::loop).containsExactly("slow", "fast");
        watch.unwatch("fast");
        watch.completed("slow");
        assertThat(watch.stalled()).isEmpty();
    }

    @Test
    void anExceptionIsSurvivedAndCountsAsAnIteration() {
        watch.watch("loop", Duration.ofSeconds(1));
        now = now.plusSeconds(9);
        watch.failed("loop", new IllegalStateException("one bad iteration"));
        now = now.plusSeconds(9);
        assertThat(watch.stalled()).isEmpty();
        assertThat(halts).isEmpty();
    }

    @Test
    void anErrorHaltsEvenWhenWrapped() {
        watch.watch("loop", Duration.ofSeconds(1));
        watch.failed("loop", new CompletionException(new OutOfMemoryError("Java heap space")));
        assertThat(halts).singleElement().asString().contains("loop").contains("OutOfMemoryError");
    }
}
