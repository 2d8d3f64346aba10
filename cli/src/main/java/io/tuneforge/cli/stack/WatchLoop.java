package io.tuneforge.cli.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The supervisor's watch loop, on its own so its failure rules are tested: a round that throws an
 * exception is logged and the next round runs a tick later; an {@link Error} (out of memory, a
 * linkage error) is logged and ends the process, since a supervisor that stopped watching must not
 * look alive.
 */
final class WatchLoop {

    private WatchLoop() {
    }

    /**
     * Runs {@code round} every {@code tick} until {@code stopped} says so.
     *
     * @param exit called with {@link StackSupervisor#EXIT_ON_ERROR} after an Error ({@code System::exit})
     */
    static void run(BooleanSupplier stopped, Runnable round, Duration tick, Consumer<String> log, IntConsumer exit)
            throws InterruptedException {
        while (!stopped.getAsBoolean()) {
            try {
                round.run();
            } catch (RuntimeException e) {
                log.accept("watch round failed (next one in " + tick.toMillis() + " ms): " + e);
            } catch (Error e) {
                log.accept("watch loop hit " + e + "; the supervisor exits and its children are stopped");
                exit.accept(StackSupervisor.EXIT_ON_ERROR);
                return;
            }
            Thread.sleep(tick.toMillis());
        }
    }
}
