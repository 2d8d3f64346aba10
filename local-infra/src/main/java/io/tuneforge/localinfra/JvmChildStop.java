package io.tuneforge.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How a child JVM of ours is stopped: SIGTERM (it runs its own graceful shutdown), SIGKILL when that
 * takes longer than {@code grace}; then its watchdog is disarmed and the stdin pipe it watches closed.
 */
final class JvmChildStop {

    private JvmChildStop() {
    }

    static void stop(String what, Process process, OrphanGuard guard, Duration grace) {
        try {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            guard.disarm();
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the stdin of " + what, e);
            }
        }
    }
}
