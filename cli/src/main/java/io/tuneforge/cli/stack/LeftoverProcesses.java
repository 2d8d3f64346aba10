package io.tuneforge.cli.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Children of a supervisor that died without stopping them. Their watchdogs stop them within
 * seconds of the supervisor's death; this waits for that, and finishes the job if a watchdog was
 * killed too (kill -9 of the whole process group). Only pids whose command line still carries
 * the component's marker are touched.
 */
public final class LeftoverProcesses {

    private static final Duration GRACE = Duration.ofSeconds(25);

    private LeftoverProcesses() {
    }

    /** @return names of the components that were still running and had to be stopped or awaited */
    public static List<String> stop(StackLayout layout) {
        Optional<StackState> previous = new StackStateFile(layout.stateFile()).read();
        if (previous.isEmpty() || RunningStack.supervisorAlive(previous.get().supervisorPid())) {
            return List.of();
        }
        List<ProcessHandle> alive = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ComponentStatus c : previous.get().components()) {
            if (c.pid() != null && ProcessIdentity.runs(c.pid(), c.marker())) {
                ProcessHandle.of(c.pid()).ifPresent(handle -> {
                    alive.add(handle);
                    names.add(c.name() + " (pid " + c.pid() + ")");
                    if (ServiceCatalog.POSTGRES.equals(c.name())) {
                        fastShutdown(c.pid());
                    }
                });
            }
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : alive) {
            // The watchdogs may already be at work; one more SIGTERM is harmless.
            handle.destroy();
        }
        for (ProcessHandle handle : alive) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        return names;
    }

    /** SIGTERM is PostgreSQL's "smart" shutdown, which waits for clients; SIGINT is the fast one. */
    private static void fastShutdown(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // destroy() and destroyForcibly() below still apply.
        }
    }
}
