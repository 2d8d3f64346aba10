package io.tuneforge.kafkabroker;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Stops the broker when whoever started it is gone. A test JVM killed with -9 runs no shutdown
 * hook, so without this the broker would live on holding its ports and data directory.
 * Two independent signals: the parent process disappearing (polled), and stdin reaching EOF
 * (immediate, since the kernel closes the parent's end of the pipe when it dies).
 */
final class ParentWatch {

    private static final Duration POLL = Duration.ofMillis(500);

    private ParentWatch() {
    }

    /** @param onGone called once, with the reason, from a daemon thread */
    static void start(BrokerOptions options, Consumer<String> onGone) {
        ProcessHandle parent = options.parentPid().isPresent()
                ? ProcessHandle.of(options.parentPid().getAsLong()).orElse(null)
                : ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            onGone.accept("parent process " + options.parentPid() + " was already gone at start");
            return;
        }
        daemon("parent-watch", () -> {
            while (parent.isAlive()) {
                sleep(POLL);
            }
            onGone.accept("parent process " + parent.pid() + " has exited");
        });
        if (options.exitOnStdinEof()) {
            daemon("stdin-watch", () -> {
                drain(System.in);
                onGone.accept("stdin reached EOF (the launcher closed it or died)");
            });
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // Nothing is expected on stdin; it exists only to notice the launcher's death.
            }
        } catch (IOException e) {
            // A broken pipe means the same as EOF here.
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
