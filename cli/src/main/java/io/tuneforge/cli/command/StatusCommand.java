package io.tuneforge.cli.command;

import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.stack.HealthProbe;
import io.tuneforge.cli.stack.RunningStack;
import io.tuneforge.cli.stack.StackLayout;
import io.tuneforge.cli.stack.StackState;
import io.tuneforge.cli.stack.StackStateFile;
import io.tuneforge.cli.stack.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status", description = {"What the local stack runs and where: each component's state, pid, port,"
        + " live health and log.", "Exit code 0 only when everything that should run is up and answers."})
public final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Tuneforge root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackLayout layout = root.layout();
        Optional<StackState> state = new StackStateFile(layout.stateFile()).read();
        if (state.isEmpty()) {
            out.println("The local stack has never run in " + layout.stateDir() + ". Start it with `./tuneforge up`.");
            return ExitCodes.CONNECTION_FAILURE;
        }
        boolean alive = RunningStack.supervisorAlive(state.get().supervisorPid());
        StatusReport report = StatusReport.probe(state.get(), alive, new HealthProbe(), layout.projectRoot());
        if (alive) {
            out.printf("Supervisor pid %d, %s since %s (%s)%n", state.get().supervisorPid(),
                    state.get().phase().name().toLowerCase(), state.get().startedAt(), layout.supervisorLog());
        } else {
            out.printf("The local stack is not running (last: %s, %s). Start it with `./tuneforge up`.%n",
                    state.get().phase().name().toLowerCase(), state.get().message());
        }
        out.print(report.render());
        if (alive && !report.healthy()) {
            out.println("Not everything is up: see the log of each component that is not `up`.");
        }
        return report.healthy() ? ExitCodes.OK : ExitCodes.CONNECTION_FAILURE;
    }
}
