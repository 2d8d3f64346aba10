package io.tuneforge.chaos;

import io.tuneforge.cli.api.ServiceCallException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A client's patience while a service is being restarted: calls that find it gone (connection refused,
 * 503 while it starts) are repeated for up to two minutes. Answers a service gave on purpose (4xx) end
 * the wait at once.
 */
final class Retry {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private Retry() {
    }

    static <T> T untilAnswered(Supplier<T> call) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        RuntimeException last;
        do {
            try {
                return call.get();
            } catch (ServiceCallException e) {
                if (e.status() < 500) {
                    throw e;
                }
                last = e;
            } catch (RuntimeException e) {
                last = e; // the service is not listening (yet)
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw last;
    }
}
