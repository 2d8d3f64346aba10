package io.tuneforge.platform.loops;

import jakarta.enterprise.context.ApplicationScoped;

/** The process-wide {@link ProcessHalt}, a bean so that a test can stand in for the real halt. */
@ApplicationScoped
public class FatalErrors implements ProcessHalt {

    private final ProcessHalt runtime = ProcessHalt.runtime();

    @Override
    public void halt(String why, Throwable cause) {
        runtime.halt(why, cause);
    }
}
