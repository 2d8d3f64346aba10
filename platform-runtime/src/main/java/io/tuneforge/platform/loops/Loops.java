package io.tuneforge.platform.loops;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.SkippedExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import io.quarkus.scheduler.Trigger;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every background loop of the service, watched the same way ({@link LoopWatch}).
 *
 * <p>Each {@code @Scheduled} method of the service is watched without any code of its own: the
 * scheduler's {@link SuccessfulExecution}, {@link FailedExecution} and {@link SkippedExecution}
 * events are its heartbeats, and its interval is read from its trigger. A hand-made loop registers
 * with {@link #register(String, Duration)} and reports through the returned {@link Heartbeat}.
 * Besides, a thread of the process that dies of a {@link VirtualMachineError} (out of memory, stack
 * overflow) halts the process, whoever started it.
 */
@ApplicationScoped
public class Loops {

    @Inject
    LoopsConfig config;

    @Inject
    Clock clock;

    @Inject
    FatalErrors fatalErrors;

    @Inject
    Instance<Scheduler> scheduler;

    private LoopWatch watch;

    @PostConstruct
    void init() {
        watch = new LoopWatch(clock, fatalErrors, config.stallFactor(), config.minStall());
    }

    void onStart(@Observes StartupEvent event) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof VirtualMachineError) {
                fatalErrors.halt("thread '" + thread.getName() + "' died of " + failure, failure);
            } else if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                System.err.println("Exception in thread \"" + thread.getName() + "\"");
                failure.printStackTrace();
            }
        });
    }

    /**
     * Watches a hand-made loop expected to complete an iteration every {@code interval} (an idle
     * iteration counts: a loop that waits at most 500 ms for work has an interval of 500 ms). It is
     * stalled once silent for {@code tuneforge.loops.stall-factor} intervals, and at least
     * {@code tuneforge.loops.min-stall}.
     */
    public Heartbeat register(String name, Duration interval) {
        watch.watch(name, interval);
        return new Heartbeat(watch, name);
    }

    /** The loops silent for longer than allowed (liveness DOWN while there is one). */
    public List<LoopWatch.Stall> stalled() {
        learnScheduledJobs();
        return watch.stalled();
    }

    void onSuccess(@ObservesAsync SuccessfulExecution event) {
        watch.completed(learn(event.getExecution()));
    }

    void onFailure(@ObservesAsync FailedExecution event) {
        watch.failed(learn(event.getExecution()), event.getException());
    }

    /**
     * A run skipped by the method's skip predicate (switched off, paused) is the loop alive and idle;
     * a run skipped because the previous one is still running is not: that one may be hanging.
     */
    void onSkip(@ObservesAsync SkippedExecution event) {
        String detail = event.getDetail();
        if (detail == null || !detail.contains("concurrently")) {
            watch.completed(learn(event.getExecution()));
        }
    }

    private String learn(ScheduledExecution execution) {
        Trigger trigger = execution.getTrigger();
        String name = nameOf(trigger);
        Duration interval = intervalOf(trigger);
        if (interval != null) {
            watch.watchIfAbsent(name, interval);
        }
        return name;
    }

    /**
     * Picks up scheduled jobs that have fired but never finished (one that hangs in its first run
     * sends no event), and treats paused jobs as alive.
     */
    private void learnScheduledJobs() {
        if (!scheduler.isResolvable()) {
            return;
        }
        Scheduler jobs = scheduler.get();
        for (Trigger trigger : jobs.getScheduledJobs()) {
            String name = nameOf(trigger);
            Duration interval = intervalOf(trigger);
            if (interval != null) {
                watch.watchIfAbsent(name, interval);
            }
            if (!jobs.isRunning() || jobs.isPaused(trigger.getId())) {
                watch.completed(name);
            }
        }
    }

    private static String nameOf(Trigger trigger) {
        // The id is the method's identity when it declares one, else a generated "<n>_<class>#<method>".
        String method = trigger.getMethodDescription();
        return "scheduled " + (method == null || method.isBlank() || trigger.getId().endsWith(method)
                ? trigger.getId() : method + " (" + trigger.getId() + ")");
    }

    /** The trigger's period, from its last and next fire times; null until it has fired once. */
    private static Duration intervalOf(Trigger trigger) {
        Instant previous = trigger.getPreviousFireTime();
        Instant next = trigger.getNextFireTime();
        if (previous == null || next == null || !next.isAfter(previous)) {
            return null;
        }
        return Duration.between(previous, next);
    }
}
