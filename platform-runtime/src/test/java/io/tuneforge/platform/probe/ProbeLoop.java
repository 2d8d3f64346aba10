package io.tuneforge.platform.probe;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A scheduled loop with no supervision code of its own, made to fail in the ways a real one can. */
@ApplicationScoped
public class ProbeLoop {

    public enum Mode { WORK, THROW_RUNTIME_EXCEPTION, THROW_ERROR, HANG }

    // Reached through methods only: the test holds a client proxy, whose own fields are not the bean's.
    private volatile Mode mode = Mode.WORK;
    private final AtomicInteger iterations = new AtomicInteger();
    private volatile CountDownLatch hang = new CountDownLatch(0);

    @Scheduled(every = "1s", identity = "probe-loop", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() throws InterruptedException {
        iterations.incrementAndGet();
        switch (mode) {
            case THROW_RUNTIME_EXCEPTION -> throw new IllegalStateException("one bad iteration");
            case THROW_ERROR -> throw new StackOverflowError("simulated");
            case HANG -> hang.await();
            default -> {
            }
        }
    }

    public void switchTo(Mode next) {
        mode = next;
    }

    public int iterations() {
        return iterations.get();
    }

    public void hangUntilReleased() {
        hang = new CountDownLatch(1);
        mode = Mode.HANG;
    }

    public void release() {
        mode = Mode.WORK;
        hang.countDown();
    }
}
