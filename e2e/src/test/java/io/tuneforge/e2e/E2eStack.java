package io.tuneforge.e2e;

import io.tuneforge.cli.api.Endpoint;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.cli.stack.ComponentStatus;
import io.tuneforge.cli.stack.LocalApiKey;
import io.tuneforge.cli.stack.ProjectRoot;
import io.tuneforge.cli.stack.StackLayout;
import io.tuneforge.cli.stack.StackState;
import io.tuneforge.cli.stack.StackStateFile;
import io.tuneforge.localinfra.FreePorts;
import io.tuneforge.testsupport.TopicProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform, started the way a user starts it: {@code tuneforge up} (the CLI jar as its own
 * process) with a private state folder and free ports, so it never collides with a developer's stack
 * or another build. One per test JVM; {@code tuneforge down} when the JVM ends.
 */
final class E2eStack {

    private static E2eStack running;

    final Path root;
    final Path stateDir;
    final StackState state;
    final String apiKey;

    private E2eStack(Path root, Path stateDir, StackState state, String apiKey) {
        this.root = root;
        this.stateDir = stateDir;
        this.state = state;
        this.apiKey = apiKey;
    }

    static synchronized E2eStack get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "e2e-stack-down"));
            TopicProbe.useBroker(running.state.kafkaBootstrap());
        }
        return running;
    }

    ServiceClient client(String service) {
        ComponentStatus status = state.component(service)
                .orElseThrow(() -> new IllegalStateException(service + " is not part of the e2e stack: " + state.components()));
        return new ServiceClient(new Endpoint(service, status.url(), apiKey, "e2e stack"));
    }

    String url(String component) {
        return state.component(component).map(ComponentStatus::url)
                .orElseThrow(() -> new IllegalStateException(component + " is not running in the e2e stack"));
    }

    /**
     * Registers a provider account in training-service on this stack's simulator and returns its id.
     *
     * @param organization the simulator rate-limits per organization: a scenario with its own does not share
     *                     the limit with the others; null shares the default one
     * @param extra        further account fields (e.g. {@code max_active_jobs})
     */
    String simulatorAccount(String prefix, String organization, Map<String, Object> extra) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
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

    private static E2eStack start() {
        Path root = ProjectRoot.locate();
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("tuneforge-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] ports = FreePorts.pick(9);
        Map<String, String> env = Map.of(
                "TUNEFORGE_POSTGRES_PORT", String.valueOf(ports[0]),
                "TUNEFORGE_KAFKA_PORT", String.valueOf(ports[1]),
                "TUNEFORGE_SIMULATOR_PORT", String.valueOf(ports[2]),
                "TUNEFORGE_DATASET_PORT", String.valueOf(ports[3]),
                "TUNEFORGE_TRAINING_PORT", String.valueOf(ports[4]),
                "TUNEFORGE_EVAL_PORT", String.valueOf(ports[5]),
                "TUNEFORGE_COST_PORT", String.valueOf(ports[6]),
                "TUNEFORGE_GATEWAY_PORT", String.valueOf(ports[7]),
                "TUNEFORGE_CONSOLE_PORT", String.valueOf(ports[8]));
        int exit = cli(root, stateDir, env, "up");
        StackState state = new StackStateFile(StackLayout.of(root, stateDir).stateFile()).read()
                .orElseThrow(() -> new IllegalStateException("`tuneforge up` wrote no state; see " + stateDir));
        if (exit != 0 || !state.fullyUp()) {
            cli(root, stateDir, env, "down");
            throw new IllegalStateException("`tuneforge up` exited " + exit + ", stack " + state.phase() + ": " + state.message()
                    + "; logs in " + stateDir.resolve("logs"));
        }
        String key = LocalApiKey.read(StackLayout.of(root, stateDir).apiKeyFile())
                .orElseThrow(() -> new IllegalStateException("the stack wrote no API key"));
        return new E2eStack(root, stateDir, state, key);
    }

    private void stop() {
        cli(root, stateDir, Map.of(), "down");
    }

    /** Runs the CLI jar like the {@code tuneforge} script does, with this stack's state folder. */
    private static int cli(Path root, Path stateDir, Map<String, String> env, String command) {
        List<String> args = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("cli/target/tuneforge-cli.jar").toString(), "--state-dir", stateDir.toString(), command));
        ProcessBuilder builder = new ProcessBuilder(args).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("cli-" + command + ".log").toFile()));
        builder.environment().putAll(env);
        // The suite runs on the simulator whatever the developer's shell says.
        builder.environment().remove("OPENAI_API_KEY");
        builder.environment().remove("TUNEFORGE_API_KEY");
        try {
            Process process = builder.start();
            if (!process.waitFor(6, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("`tuneforge " + command + "` did not finish in 6 minutes; see " + stateDir);
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
