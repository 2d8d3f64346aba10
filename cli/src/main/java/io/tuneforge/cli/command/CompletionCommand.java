package io.tuneforge.cli.command;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {"Print a bash (and zsh) completion script:",
        "  source <(./tuneforge completion)"})
public final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine top = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash("tuneforge", top));
        spec.commandLine().getOut().flush();
    }
}
