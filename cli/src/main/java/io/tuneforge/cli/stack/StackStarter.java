package io.tuneforge.cli.stack;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * `tuneforge up`: starts the supervisor unless one runs, then follows stack.json until every
 * component is ready, one fails, or the timeout passes. Running it twice only waits and reports.
 */
public final class StackStarter {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    private static final Duration SUPERVISOR_APPEARS = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int LOG_LINES = 15;

    private final StackLayout layout;
    private final PrintWriter out;

    public StackStarter(StackLayout layout, PrintWriter out) {
        this.layout = layout;
        this.out = out;
    }

    /** @return the state once fully up; throws {@link StackFailure} otherwise */
    public StackState ensureUp(Duration timeout) {
        Optional<StackState> running = RunningStack.find(layout);
        if (running.isPresent()) {
            if (running.get().fullyUp()) {
                out.println("The local stack is already running (supervisor pid " + running.get().supervisorPid() + ").");
                return running.get();
            }
            out.println("The local stack is starting (supervisor pid " + running.get().supervisorPid() + "); waiting for it.");
            return awaitUp(running.get().supervisorPid(), null, timeout);
        }
        List<String> leftovers = LeftoverProcesses.stop(layout);
        if (!leftovers.isEmpty()) {
            out.println("Stopped leftovers of a supervisor that died: " + String.join(", ", leftovers));
        }
        LocalApiKey.loadOrCreate(layout.apiKeyFile());
        out.println("Starting the local stack in the background (state and logs in " + layout.stateDir() + ") ...");
        Process supervisor = SupervisorLauncher.launch(layout);
        return awaitUp(supervisor.pid(), supervisor, timeout);
    }

    private StackState awaitUp(long supervisorPid, Process launched, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<String, ComponentState> reported = new HashMap<>();
        StackStateFile file = new StackStateFile(layout.stateFile());
        while (true) {
            Optional<StackState> current = file.read().filter(s -> s.supervisorPid() == supervisorPid);
            if (current.isPresent()) {
                StackState state = current.get();
                reportProgress(state, reported, start);
                if (state.fullyUp()) {
                    out.printf("Ready in %.1f s.%n", seconds(start));
                    return state;
                }
                if (state.phase() == StackPhase.FAILED) {
                    throw new StackFailure("The local stack did not start: " + state.message()
                            + "\n  supervisor log: " + layout.supervisorLog());
                }
                Optional<ComponentStatus> crashed = state.components().stream()
                        .filter(c -> c.state() == ComponentState.CRASHED).findFirst();
                if (crashed.isPresent()) {
                    ComponentStatus c = crashed.get();
                    throw new StackFailure(c.name() + " crashed: " + c.note() + "\n" + LogExcerpt.quote(java.nio.file.Path.of(c.log()), LOG_LINES)
                            + "\n  The rest keeps running; `./tuneforge status` shows it, `./tuneforge down` stops it.");
                }
            } else if (System.nanoTime() - start > SUPERVISOR_APPEARS.toNanos()) {
                throw new StackFailure("the supervisor (pid " + supervisorPid + ") wrote no " + layout.stateFile()
                        + " within " + SUPERVISOR_APPEARS.toSeconds() + " s\n" + LogExcerpt.quote(layout.supervisorLog(), LOG_LINES));
            }
            boolean alive = launched != null ? launched.isAlive() : RunningStack.supervisorAlive(supervisorPid);
            if (!alive) {
                // One more read: a failing supervisor writes FAILED just before it exits.
                Optional<StackState> last = file.read().filter(s -> s.supervisorPid() == supervisorPid);
                if (last.isPresent() && last.get().phase() == StackPhase.FAILED) {
                    throw new StackFailure("The local stack did not start: " + last.get().message()
                            + "\n  supervisor log: " + layout.supervisorLog());
                }
                throw new StackFailure("the stack supervisor (pid " + supervisorPid + ") exited"
                        + (launched != null ? " with code " + launched.exitValue() : "") + "\n"
                        + LogExcerpt.quote(layout.supervisorLog(), LOG_LINES));
            }
            if (System.nanoTime() > deadline) {
                throw timedOut(current.orElse(null), timeout);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackFailure("interrupted while waiting for the stack; it keeps starting in the background"
                        + " (`./tuneforge status`)");
            }
        }
    }

    private void reportProgress(StackState state, Map<String, ComponentState> reported, long start) {
        for (ComponentStatus c : state.components()) {
            ComponentState before = reported.put(c.name(), c.state());
            if (before == c.state()) {
                continue;
            }
            switch (c.state()) {
                case UP -> out.printf("  %-17s up       %-40s (%.1f s)%n", c.name(), c.url(), seconds(start));
                case SKIPPED -> out.printf("  %-17s skipped  %s%n", c.name(), c.note());
                case RESTARTING -> out.printf("  %-17s %s%n", c.name(), c.note());
                default -> {
                    // STARTING needs no line; CRASHED and STOPPED end the wait with their own message.
                }
            }
        }
    }

    private StackFailure timedOut(StackState state, Duration timeout) {
        if (state == null) {
            return new StackFailure("the stack did not report within " + timeout.toSeconds() + " s\n"
                    + LogExcerpt.quote(layout.supervisorLog(), LOG_LINES));
        }
        List<ComponentStatus> notReady = state.components().stream()
                .filter(c -> c.state() != ComponentState.UP && c.state() != ComponentState.SKIPPED)
                .toList();
        String detail = notReady.stream()
                .map(c -> c.name() + " is still " + c.state().label() + " (port " + c.port() + ")\n"
                        + LogExcerpt.quote(java.nio.file.Path.of(c.log()), LOG_LINES))
                .collect(Collectors.joining("\n"));
        return new StackFailure("not ready within " + timeout.toSeconds() + " s: "
                + notReady.stream().map(ComponentStatus::name).collect(Collectors.joining(", ")) + "\n" + detail
                + "\n  It keeps starting in the background: `./tuneforge status` to follow, `./tuneforge up --timeout 900`"
                + " to wait longer, `./tuneforge down` to stop.");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
