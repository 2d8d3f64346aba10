package io.tuneforge.cli.stack;

import io.tuneforge.cli.api.Endpoint;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.localinfra.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole platform started the way a user starts it, {@code tuneforge up} (the CLI jar as its own
 * process), with a private state folder and free ports, so it never collides with a developer's stack
 * or another build. For the suites that judge the platform from outside (e2e, chaos); {@link #stop}
 * is {@code tuneforge down}.
 */
public final class PrivateStack implements AutoCloseable {

    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(6);

    private final Path root;
    private final Path stateDir;
    private final String apiKey;

    private PrivateStack(Path root, Path stateDir, String apiKey) {
        this.root = root;
        this.stateDir = stateDir;
        this.apiKey = apiKey;
    }

    /** Starts a stack of the project at {@link ProjectRoot#locate()}; returns once every component is up. */
    public static PrivateStack start() {
        Path root = ProjectRoot.locate();
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("tuneforge-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] ports = FreePorts.pick(9);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TUNEFORGE_POSTGRES_PORT", String.valueOf(ports[0]));
        env.put("TUNEFORGE_KAFKA_PORT", String.valueOf(ports[1]));
        env.put("TUNEFORGE_SIMULATOR_PORT", String.valueOf(ports[2]));
        env.put("TUNEFORGE_DATASET_PORT", String.valueOf(ports[3]));
        env.put("TUNEFORGE_TRAINING_PORT", String.valueOf(ports[4]));
        env.put("TUNEFORGE_EVAL_PORT", String.valueOf(ports[5]));
        env.put("TUNEFORGE_COST_PORT", String.valueOf(ports[6]));
        env.put("TUNEFORGE_GATEWAY_PORT", String.valueOf(ports[7]));
        env.put("TUNEFORGE_CONSOLE_PORT", String.valueOf(ports[8]));
        int exit = cli(root, stateDir, env, "up");
        StackState state = readState(root, stateDir);
        if (exit != 0 || !state.fullyUp()) {
            cli(root, stateDir, Map.of(), "down");
            throw new IllegalStateException("`tuneforge up` exited " + exit + ", stack " + state.phase() + ": " + state.message()
                    + "; logs in " + stateDir.resolve("logs"));
        }
        String key = LocalApiKey.read(StackLayout.of(root, stateDir).apiKeyFile())
                .orElseThrow(() -> new IllegalStateException("the stack wrote no API key"));
        return new PrivateStack(root, stateDir, key);
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The local tenant's API key. */
    public String apiKey() {
        return apiKey;
    }

    /** The supervisor's current view (pids, restarts, states), read again on each call. */
    public StackState state() {
        return readState(root, stateDir);
    }

    public String url(String component) {
        return component(component).url();
    }

    public ComponentStatus component(String name) {
        StackState state = state();
        return state.component(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not part of this stack: " + state.components()));
    }

    /** A client of {@code service} with the local tenant's key. */
    public ServiceClient client(String service) {
        return new ServiceClient(new Endpoint(service, url(service), apiKey, "private stack"));
    }

    /**
     * Registers a provider account in training-service on this stack's simulator and returns its id.
     *
     * @param organization the simulator rate-limits per organization: a scenario with its own does not share
     *                     the limit with the others; null shares the default one
     * @param extra        further account fields (e.g. {@code max_active_jobs})
     */
    public String simulatorAccount(String prefix, String organization, Map<String, Object> extra) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        request.put("kind", "compatible");
        request.put("base_url", url("openai-simulator") + "/v1");
        request.put("api_key", "sk-" + prefix);
        if (organization != null) {
            request.put("organization", organization);
        }
        request.putAll(extra);
        return client("training-service").postJson("/api/v1/accounts", request).path("id").asText();
    }

    public void stop() {
        cli(root, stateDir, Map.of(), "down");
    }

    @Override
    public void close() {
        stop();
    }

    private static StackState readState(Path root, Path stateDir) {
        return new StackStateFile(StackLayout.of(root, stateDir).stateFile()).read()
                .orElseThrow(() -> new IllegalStateException("`tuneforge up` wrote no state; see " + stateDir));
    }

    /** Runs the CLI jar like the {@code tuneforge} script does, with this stack's state folder. */
    private static int cli(Path root, Path stateDir, Map<String, String> env, String command) {
        List<String> args = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("cli/target/tuneforge-cli.jar").toString(), "--state-dir", stateDir.toString(), command));
        ProcessBuilder builder = new ProcessBuilder(args).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("cli-" + command + ".log").toFile()));
        builder.environment().putAll(env);
        // The suites run on the simulator whatever the developer's shell says.
        builder.environment().remove("OPENAI_API_KEY");
        builder.environment().remove("TUNEFORGE_API_KEY");
        try {
            Process process = builder.start();
            if (!process.waitFor(CLI_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`tuneforge " + command + "` did not finish in " + CLI_TIMEOUT.toMinutes()
                        + " minutes; see " + stateDir);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
