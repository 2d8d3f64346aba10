package io.tuneforge.cli.command;

import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.stack.StackStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "down", description = "Stop the local stack: services, then Kafka, then PostgreSQL. Data is kept.")
public final class DownCommand implements Callable<Integer> {

    @ParentCommand
    Tuneforge root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        new StackStopper(root.layout(), spec.commandLine().getOut()).down();
        return ExitCodes.OK;
    }
}
