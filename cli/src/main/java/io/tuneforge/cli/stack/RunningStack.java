package io.tuneforge.cli.stack;

import java.util.Optional;

/** The supervisor of a state folder, if one is alive: its stack.json is only as good as its pid. */
public final class RunningStack {

    static final String SUPERVISOR_MARKER = StackSupervisor.class.getName();

    private RunningStack() {
    }

    public static Optional<StackState> find(StackLayout layout) {
        return new StackStateFile(layout.stateFile()).read()
                .filter(state -> supervisorAlive(state.supervisorPid()));
    }

    public static boolean supervisorAlive(long pid) {
        return ProcessIdentity.runs(pid, SUPERVISOR_MARKER);
    }
}
