package io.tuneforge.localinfra;

/** Prints measured durations, which local-infra/README.md quotes. */
final class StartupTimes {

    private StartupTimes() {
    }

    static void report(String what, long beganNanos) {
        System.out.printf("[timing] %s: %d ms%n", what, (System.nanoTime() - beganNanos) / 1_000_000);
    }
}
