package io.tuneforge.simulator.runtime;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every background loop of the simulator runs through here, so none can stop silently: an exception ends
 * one iteration (logged) and the next one runs; an {@link Error} (out of memory, a linkage failure) leaves
 * the JVM in a state nothing should trust, so the process exits and its supervisor restarts it; a loop that
 * has not completed an iteration within its stale limit turns liveness DOWN ({@link LoopsLiveness}).
 * A ScheduledExecutorService on its own would do none of this: one throwable cancels the schedule for good.
 */
@Singleton
public class SimulatorLoops {

    private static final Logger LOG = Logger.getLogger(SimulatorLoops.class);

    /** What a loop reports to liveness: when it last finished an iteration and how stale is too stale. */
    public record LoopStatus(String name, long lastCompletedMillis, long staleAfterMillis, long failures) {}

    private final Map<String, LoopStatus> loops = new ConcurrentHashMap<>();
    private final Halt halt;
    private final Clock clock;

    @Inject
    public SimulatorLoops(Halt halt) {
        this(halt, Clock.systemUTC());
    }

    SimulatorLoops(Halt halt, Clock clock) {
        this.halt = halt;
        this.clock = clock;
    }

    /** A single-threaded scheduler for one loop, whose thread is a daemon named {@code simulator-<name>}. */
    public static ScheduledExecutorService executor(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code body} every {@code interval} (fixed delay) on {@code executor}, guarded. The loop is stale,
     * and liveness DOWN, when no iteration completed for {@code staleAfter}.
     */
    public void every(ScheduledExecutorService executor, String name, Duration interval, Duration staleAfter, Runnable body) {
        loops.put(name, new LoopStatus(name, clock.millis(), staleAfter.toMillis(), 0));
        long every = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(iteration(name, body), every, every, TimeUnit.MILLISECONDS);
    }

    /** One guarded iteration of loop {@code name}: what {@link #every} schedules, exposed so tests can drive it. */
    public Runnable iteration(String name, Runnable body) {
        return () -> {
            try {
                body.run();
                loops.computeIfPresent(name, (n, s) -> new LoopStatus(n, clock.millis(), s.staleAfterMillis(), s.failures()));
            } catch (Exception e) {
                LOG.errorf(e, "loop %s: iteration failed; the next one runs as scheduled", name);
                // A failed iteration still shows the loop is alive: it is the hang that liveness must catch.
                loops.computeIfPresent(name, (n, s) -> new LoopStatus(n, clock.millis(), s.staleAfterMillis(), s.failures() + 1));
            } catch (Error e) {
                fatal(name, e);
            }
        };
    }

    /** A one-off task (a webhook attempt), guarded like an iteration but not watched for staleness. */
    public Runnable task(String name, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (Exception e) {
                LOG.errorf(e, "%s failed", name);
            } catch (Error e) {
                fatal(name, e);
            }
        };
    }

    /** An Error on any thread of the simulator (a request thread too): log it and stop the process. */
    public void fatal(String where, Error e) {
        LOG.fatalf(e, "%s: %s; the process exits so that its supervisor restarts it", where, e);
        halt.halt(Halt.EXIT_CODE);
    }

    /** Every watched loop, by name. */
    public Map<String, LoopStatus> status() {
        return new TreeMap<>(loops);
    }

    /** The loops that have not completed an iteration within their stale limit. */
    public Map<String, Long> stale() {
        long now = clock.millis();
        Map<String, Long> stale = new TreeMap<>();
        loops.values().forEach(s -> {
            long age = now - s.lastCompletedMillis();
            if (age > s.staleAfterMillis()) {
                stale.put(s.name(), age);
            }
        });
        return stale;
    }
}
