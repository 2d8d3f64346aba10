package io.tuneforge.cli;

import io.tuneforge.cli.api.EndpointResolver;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.cli.command.ConnectionOptions;
import io.tuneforge.cli.config.CliConfig;
import io.tuneforge.cli.stack.ServiceCatalog;
import io.tuneforge.cli.stack.ServiceDefinition;
import io.tuneforge.cli.api.ServiceCallException;
import io.tuneforge.cli.api.ConnectionFailure;
import io.tuneforge.cli.api.MissingApiKey;
import io.tuneforge.cli.command.AliasesCommand;
import io.tuneforge.cli.command.CompletionCommand;
import io.tuneforge.cli.command.RolloutsCommand;
import io.tuneforge.cli.command.CostCommand;
import io.tuneforge.cli.command.DatasetsCommand;
import io.tuneforge.cli.command.EvalsCommand;
import io.tuneforge.cli.command.JobsCommand;
import io.tuneforge.cli.command.ModelsCommand;
import io.tuneforge.cli.command.PipelinesCommand;
import io.tuneforge.cli.command.DemoCommand;
import io.tuneforge.cli.command.DownCommand;
import io.tuneforge.cli.command.EnvCommand;
import io.tuneforge.cli.command.StatusCommand;
import io.tuneforge.cli.command.UpCommand;
import io.tuneforge.cli.stack.ProjectRoot;
import io.tuneforge.cli.stack.StackFailure;
import io.tuneforge.cli.stack.StackLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "tuneforge", mixinStandardHelpOptions = true, version = "tuneforge 0.1.0-SNAPSHOT",
        description = "Control plane for fine-tuning OpenAI models: the local stack and daily commands.",
        subcommands = {UpCommand.class, StatusCommand.class, EnvCommand.class, DownCommand.class, DemoCommand.class,
                DatasetsCommand.class, JobsCommand.class, ModelsCommand.class, EvalsCommand.class,
                CostCommand.class, PipelinesCommand.class, AliasesCommand.class, RolloutsCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:usage error (arguments, file, missing API key)", "2:API error (the service said no)",
                "3:connection failure, or the local stack is not fully up", "4:dataset rejected by validation",
                "5:the local stack failed to start or stop", "6:the watched job failed or was cancelled",
                "7:the evaluation's gates rejected the candidate", "8:timed out waiting",
                "9:out of memory (raise TUNEFORGE_CLI_HEAP)"})
public final class Tuneforge implements Runnable {

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Local stack state and logs (default: $TUNEFORGE_STATE_DIR or <project>/.tuneforge).")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "CLI config file with api_key and service urls (default: $TUNEFORGE_CONFIG, else "
                    + "~/.config/tuneforge/config.yaml when it exists).")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public StackLayout layout() {
        return StackLayout.of(ProjectRoot.locate(), stateDir);
    }

    /**
     * A client for one of the platform's services ({@code dataset-service}, {@code training-service}, ...),
     * its URL and key resolved from flags, environment, config file and local stack, in that order.
     */
    public ServiceClient client(String service, ConnectionOptions options) {
        ServiceDefinition definition = ServiceCatalog.service(service)
                .orElseThrow(() -> new IllegalStateException("no service named " + service));
        CliConfig config = CliConfig.load(configFile, System.getenv());
        return new ServiceClient(new EndpointResolver(layout(), System.getenv(), config)
                .resolve(definition, options.url, options.apiKey));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Heap held back so that running out of memory can still be reported; see {@link #main}. */
    private static byte[] memoryReserve = new byte[1 << 20];

    public static void main(String[] args) {
        // Composed before the command runs: when the heap runs out, a validation worker may still hold
        // what it was given, and composing the message then (class loading, string concatenation)
        // would fail again.
        String outOfMemory = OutOfMemoryMessage.of(args, Runtime.getRuntime().maxMemory());
        CommandLine commandLine = commandLine();
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            memoryReserve = null;
            exitCode = ExitCodes.OUT_OF_MEMORY;
            System.err.println(outOfMemory);
        }
        // picocli's writers flush only on println; a table ends with print.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    /** The configured command line; tests run it without exiting. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Tuneforge());
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("error: " + e.getMessage());
            failed.getErr().println("see `tuneforge " + qualifiedName(failed) + " --help`");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            var err = failed.getErr();
            if (e instanceof ServiceCallException api) {
                err.println("error: " + api.request() + " answered " + api.status() + " " + api.title());
                if (api.detail() != null && !api.detail().isBlank()) {
                    err.println("  " + api.detail());
                }
                return ExitCodes.API_ERROR;
            }
            if (e instanceof ConnectionFailure) {
                err.println("error: " + e.getMessage());
                return ExitCodes.CONNECTION_FAILURE;
            }
            if (e instanceof StackFailure) {
                err.println("error: " + e.getMessage());
                return ExitCodes.STACK_FAILURE;
            }
            if (e instanceof MissingApiKey || e instanceof IllegalArgumentException) {
                err.println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            err.println("error: unexpected " + e);
            e.printStackTrace(err);
            return ExitCodes.USAGE;
        });
        return commandLine;
    }

    private static String qualifiedName(CommandLine failed) {
        String name = failed.getCommandSpec().qualifiedName();
        return name.startsWith("tuneforge") ? name.substring("tuneforge".length()).trim() : name;
    }
}
