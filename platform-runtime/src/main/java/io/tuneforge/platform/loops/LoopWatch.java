package io.tuneforge.platform.loops;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules every background loop of a service lives by, free of CDI so that they can be tested
 * directly: a loop reports each completed iteration; an exception of one iteration is logged and
 * the loop goes on; an {@link Error} in a loop makes the process exit ({@link ProcessHalt}), since
 * a JVM that ran out of memory or stack cannot be trusted to go on, and the supervisor,
 * docker-compose or Kubernetes starts a fresh one; a loop silent for longer than its allowed
 * silence is stalled, which turns liveness DOWN.
 */
public final class LoopWatch {

    private static final Logger LOG = Logger.getLogger(LoopWatch.class);

    private final Clock clock;
    private final ProcessHalt halt;
    private final int stallFactor;
    private final Duration minStall;
    private final Map<String, Loop> loops = new ConcurrentHashMap<>();

    public LoopWatch(Clock clock, ProcessHalt halt, int stallFactor, Duration minStall) {
        this.clock = clock;
        this.halt = halt;
        this.stallFactor = stallFactor;
        this.minStall = minStall;
    }

    /** A loop of this process that is silent for too long. */
    public record Stall(String loop, Instant lastIteration, Duration allowedSilence) {
    }

    private static final class Loop {
        final Duration allowedSilence;
        volatile Instant lastIteration;

        Loop(Duration allowedSilence, Instant start) {
            this.allowedSilence = allowedSilence;
            this.lastIteration = start;
        }
    }

    /** How long a loop with this interval may be silent before it counts as stalled. */
    public Duration allowedSilence(Duration interval) {
        Duration multiple = interval.multipliedBy(stallFactor);
        return multiple.compareTo(minStall) > 0 ? multiple : minStall;
    }

    /** Starts watching {@code name}, expected to complete an iteration every {@code interval}; counted from now. */
    public void watch(String name, Duration interval) {
        loops.put(name, new Loop(allowedSilence(interval), clock.instant()));
    }

    /** Watches {@code name} from now unless it is watched already (scheduled jobs are learnt as they fire). */
    public void watchIfAbsent(String name, Duration interval) {
        loops.computeIfAbsent(name, n -> new Loop(allowedSilence(interval), clock.instant()));
    }

    public void unwatch(String name) {
        loops.remove(name);
    }

    public boolean isWatched(String name) {
        return loops.containsKey(name);
    }

    /** One iteration of {@code name} completed (well or with an exception it survives). */
    public void completed(String name) {
        Loop loop = loops.get(name);
        if (loop != null) {
            loop.lastIteration = clock.instant();
        }
    }

    /**
     * One iteration of {@code name} failed with {@code failure}: an {@link Error} anywhere in its cause
     * chain halts the process; anything else is logged, and the loop counts as alive.
     */
    public void failed(String name, Throwable failure) {
        Error fatal = fatalIn(failure);
        if (fatal != null) {
            halt.halt("background loop '" + name + "' died of " + fatal, fatal);
            return;
        }
        LOG.warnf("background loop '%s': one iteration failed, the loop goes on: %s", name, failure);
        completed(name);
    }

    /** The loops silent for longer than allowed, longest silence first. */
    public List<Stall> stalled() {
        Instant now = clock.instant();
        List<Stall> stalls = new ArrayList<>();
        loops.forEach((name, loop) -> {
            if (Duration.between(loop.lastIteration, now).compareTo(loop.allowedSilence) > 0) {
                stalls.add(new Stall(name, loop.lastIteration, loop.allowedSilence));
            }
        });
        stalls.sort(Comparator.comparing(Stall::lastIteration));
        return stalls;
    }

    static Error fatalIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Error error) {
                return error;
            }
        }
        return null;
    }
}
