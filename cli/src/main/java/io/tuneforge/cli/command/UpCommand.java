package io.tuneforge.cli.command;

import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.stack.HealthProbe;
import io.tuneforge.cli.stack.StackLayout;
import io.tuneforge.cli.stack.StackStarter;
import io.tuneforge.cli.stack.StackState;
import io.tuneforge.cli.stack.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "up", description = {
        "Start the local stack in the background: PostgreSQL, Kafka, the OpenAI simulator (without OPENAI_API_KEY)"
                + " and every built service; wait until all are ready.",
        "Running it again only reports the running stack."})
public final class UpCommand implements Callable<Integer> {

    @ParentCommand
    Tuneforge root;

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for every component to be ready (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StackLayout layout = root.layout();
        StackState state = new StackStarter(layout, out).ensureUp(Duration.ofSeconds(timeoutSeconds));
        out.println();
        out.print(StatusReport.probe(state, true, new HealthProbe(), layout.projectRoot()).render());
        out.println();
        out.println("Next: `eval \"$(./tuneforge env)\"` for the API key and URLs, `./tuneforge demo`, `./tuneforge down`.");
        return ExitCodes.OK;
    }
}
