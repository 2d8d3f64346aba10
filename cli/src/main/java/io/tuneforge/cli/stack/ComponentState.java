package io.tuneforge.cli.stack;

/** The supervisor's view of one component. */
public enum ComponentState {
    /** launched, not yet ready */
    STARTING,
    /** ready (health UP, or the server answered) */
    UP,
    /** exited unexpectedly; the supervisor starts it again (bounded attempts) */
    RESTARTING,
    /** exited and will not be restarted: attempts used up, or it failed to start */
    CRASHED,
    /** its module is not built (no jar) or it is not needed (simulator with an OpenAI key) */
    SKIPPED,
    /** stopped on purpose */
    STOPPED;

    public String label() {
        return name().toLowerCase();
    }
}
