package io.tuneforge.cli.stack;

/**
 * One row of stack.json.
 *
 * @param kind     infrastructure, simulator or service
 * @param url      base URL (HTTP components), bootstrap servers (Kafka) or JDBC URL (PostgreSQL)
 * @param exitCode of the last exit, null while it never exited
 * @param marker   a string its command line contains: lets `down` and a new supervisor find a
 *                 survivor of a killed supervisor without ever signalling a recycled pid
 * @param note     why it was skipped, or what went wrong
 */
public record ComponentStatus(String name, String kind, Long pid, Integer port, String url, String log,
                              ComponentState state, Integer exitCode, int restarts, String marker, String note) {

    public ComponentStatus withState(ComponentState newState, Integer newExitCode, String newNote) {
        return new ComponentStatus(name, kind, pid, port, url, log, newState, newExitCode, restarts, marker, newNote);
    }

    public ComponentStatus withProcess(Long newPid, ComponentState newState, int newRestarts) {
        return new ComponentStatus(name, kind, newPid, port, url, log, newState, exitCode, newRestarts, marker, note);
    }
}
