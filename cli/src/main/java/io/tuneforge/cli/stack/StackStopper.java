package io.tuneforge.cli.stack;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * `tuneforge down`: SIGTERM to the supervisor, which stops services, then Kafka, then PostgreSQL.
 * Idempotent: with nothing running it only makes sure no leftover of a killed supervisor survives.
 */
public final class StackStopper {

    /** Services 20 s + broker 20 s + PostgreSQL 15 s, the worst case of each graceful stop. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final StackLayout layout;
    private final PrintWriter out;

    public StackStopper(StackLayout layout, PrintWriter out) {
        this.layout = layout;
        this.out = out;
    }

    public void down() {
        Optional<StackState> running = RunningStack.find(layout);
        if (running.isPresent()) {
            long pid = running.get().supervisorPid();
            out.println("Stopping the local stack (supervisor pid " + pid + "): services, then Kafka, then PostgreSQL ...");
            long start = System.nanoTime();
            ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
            if (handle != null) {
                handle.destroy();
                try {
                    handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    out.println("The supervisor did not stop within " + STOP_TIMEOUT.toSeconds()
                            + " s; killing it (its watchdogs stop the rest). Its log: " + layout.supervisorLog());
                    handle.destroyForcibly();
                }
            }
            List<String> leftovers = LeftoverProcesses.stop(layout);
            if (!leftovers.isEmpty()) {
                out.println("Also stopped: " + String.join(", ", leftovers));
            }
            out.printf("Stopped in %.1f s. Data is kept in %s (delete it to start afresh).%n",
                    (System.nanoTime() - start) / 1e9, layout.stateDir());
            return;
        }
        List<String> leftovers = LeftoverProcesses.stop(layout);
        if (leftovers.isEmpty()) {
            out.println("The local stack is not running; nothing to stop.");
        } else {
            out.println("The supervisor was gone; stopped what it left: " + String.join(", ", leftovers));
        }
    }
}
