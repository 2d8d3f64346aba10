package io.tuneforge.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WatchLoopTest {

    private final List<String> logged = new ArrayList<>();
    private final List<Integer> exits = new ArrayList<>();

    @Test
    void aRoundThatThrowsIsLoggedAndTheNextRoundsStillRun() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        WatchLoop.run(() -> rounds.get() >= 4, () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("stack.json is not writable");
            }
        }, Duration.ofMillis(1), logged::add, exits::add);

        assertThat(rounds).hasValue(4);
        assertThat(logged).singleElement().asString().contains("watch round failed").contains("stack.json is not writable");
        assertThat(exits).isEmpty();
    }

    @Test
    void anErrorEndsTheProcessInsteadOfLeavingALoopThatWatchesNothing() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        WatchLoop.run(() -> rounds.get() >= 10, () -> {
            rounds.incrementAndGet();
            throw new OutOfMemoryError("Java heap space");
        }, Duration.ofMillis(1), logged::add, exits::add);

        assertThat(rounds).hasValue(1);
        assertThat(exits).containsExactly(StackSupervisor.EXIT_ON_ERROR);
        assertThat(logged).singleElement().asString().contains("OutOfMemoryError").contains("exits");
    }
}
