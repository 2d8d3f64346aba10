package io.tuneforge.cli.command;

import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.demo.DemoFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "demo", description = {"Bring the local stack up if needed and run the sample dataset through the"
        + " platform, printing each phase with its numbers."})
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Tuneforge root;

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the stack to be ready (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        boolean ok = new DemoFlow(root.layout(), spec.commandLine().getOut(), Duration.ofSeconds(timeoutSeconds)).run();
        return ok ? ExitCodes.OK : ExitCodes.API_ERROR;
    }
}
