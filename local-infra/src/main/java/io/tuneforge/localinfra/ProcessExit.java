package io.tuneforge.localinfra;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting, with a limit, for a process that need not be our child (pg_ctl daemonizes the postmaster). */
final class ProcessExit {

    private ProcessExit() {
    }

    /** @return true if the process is gone (or never existed) within the timeout */
    static boolean await(long pid, Duration timeout) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.get().isAlive();
        } catch (Exception e) {
            return !handle.get().isAlive();
        }
    }
}
