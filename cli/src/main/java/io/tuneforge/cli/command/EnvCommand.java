package io.tuneforge.cli.command;

import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.stack.LocalApiKey;
import io.tuneforge.cli.stack.RunningStack;
import io.tuneforge.cli.stack.ShellExports;
import io.tuneforge.cli.stack.StackLayout;
import io.tuneforge.cli.stack.StackState;
import io.tuneforge.cli.stack.StackStateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "env", description = {"Print the local stack's API key and endpoints as shell exports:",
        "  eval \"$(./tuneforge env)\""})
public final class EnvCommand implements Callable<Integer> {

    @ParentCommand
    Tuneforge root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StackLayout layout = root.layout();
        Optional<String> key = LocalApiKey.read(layout.apiKeyFile());
        Optional<StackState> state = new StackStateFile(layout.stateFile()).read();
        if (key.isEmpty() || state.isEmpty()) {
            spec.commandLine().getErr().println("error: no local stack in " + layout.stateDir()
                    + " yet; start it with `./tuneforge up`");
            return ExitCodes.CONNECTION_FAILURE;
        }
        if (!RunningStack.supervisorAlive(state.get().supervisorPid())) {
            // Still print: the values stay valid for the next `up`, and scripts may set up before starting.
            spec.commandLine().getErr().println("warning: the local stack is not running; `./tuneforge up` starts it");
        }
        ShellExports.lines(state.get(), key.get()).forEach(spec.commandLine().getOut()::println);
        return ExitCodes.OK;
    }
}
