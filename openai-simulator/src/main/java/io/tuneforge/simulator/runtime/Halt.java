package io.tuneforge.simulator.runtime;

import jakarta.inject.Singleton;

/**
 * Ends the process at once. {@link Runtime#halt} rather than {@code exit}: after an Error, shutdown hooks
 * may block or fail themselves, and the data folder is already written every 200 ms. Tests replace it.
 */
@Singleton
public class Halt {

    /** EX_SOFTWARE (sysexits.h): an internal error, so a supervisor tells it apart from a clean stop. */
    public static final int EXIT_CODE = 70;

    public void halt(int status) {
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
