package io.tuneforge.cli.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls for something another service does asynchronously, up to a limit. */
final class Await {

    private static final Duration POLL = Duration.ofMillis(300);

    private Await() {
    }

    static <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> result = check.get();
            if (result.isPresent() || System.nanoTime() > deadline) {
                return result;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
