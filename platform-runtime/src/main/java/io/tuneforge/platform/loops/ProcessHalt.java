package io.tuneforge.platform.loops;

/**
 * Ends the process at once, with a line that says why. {@link Runtime#halt} rather than
 * {@link System#exit}: after an {@link Error} the shutdown hooks may themselves hang or fail (no
 * memory, a held lock), and the point is that a fresh process takes over.
 */
@FunctionalInterface
public interface ProcessHalt {

    /** Exit status of a process halted by a fatal error in a background loop (BSD's EX_SOFTWARE). */
    int STATUS = 70;

    void halt(String why, Throwable cause);

    /** The real one: prints to stderr as well as the log (an async log handler may never flush). */
    static ProcessHalt runtime() {
        return (why, cause) -> {
            String line = "FATAL tuneforge: " + why + "; halting the process (exit " + STATUS + ") so that it is restarted";
            try {
                org.jboss.logging.Logger.getLogger(ProcessHalt.class).fatal(line, cause);
                System.err.println(line);
                System.err.flush();
            } finally {
                Runtime.getRuntime().halt(STATUS);
            }
        };
    }
}
