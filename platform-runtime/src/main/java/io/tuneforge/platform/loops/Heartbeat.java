package io.tuneforge.platform.loops;

/**
 * What a hand-made loop (a thread of its own, a worker pool) reports to {@link Loops}: {@link #beat()}
 * after each iteration, {@link #failed(Throwable)} with whatever one iteration threw, {@link #close()}
 * when the loop ends on purpose (shutdown), so that its silence is no longer a stall.
 */
public final class Heartbeat implements AutoCloseable {

    private final LoopWatch watch;
    private final String name;

    Heartbeat(LoopWatch watch, String name) {
        this.watch = watch;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** One iteration completed (including an idle one: waited, found nothing to do). */
    public void beat() {
        watch.completed(name);
    }

    /**
     * One iteration threw {@code failure}. An {@link Error} halts the process (it does not return);
     * anything else is logged, and the loop should go on with its next iteration.
     */
    public void failed(Throwable failure) {
        watch.failed(name, failure);
    }

    @Override
    public void close() {
        watch.unwatch(name);
    }
}
