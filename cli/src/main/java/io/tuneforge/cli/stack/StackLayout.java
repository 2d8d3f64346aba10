package io.tuneforge.cli.stack;

import java.nio.file.Path;

/**
 * Where the local stack keeps everything: one folder (default {@code <project>/.tuneforge}), so
 * deleting it resets the stack and nothing is scattered elsewhere.
 *
 * <pre>
 * .tuneforge/
 *   api-key            the local default tenant's key (mode 600); services only get its SHA-256
 *   stack.json         what the supervisor runs: pids, ports, states (written by the supervisor)
 *   supervisor.lock    held by the running supervisor: a second one refuses to start
 *   logs/              supervisor.log and one &lt;service&gt;.log per service JVM
 *   postgres/          PostgreSQL cluster/ and postgres.log
 *   kafka/             broker data and broker.log
 *   simulator/         the OpenAI simulator's state
 * </pre>
 */
public record StackLayout(Path projectRoot, Path stateDir) {

    public static final String STATE_DIR_VARIABLE = "TUNEFORGE_STATE_DIR";

    public StackLayout {
        projectRoot = projectRoot.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    /** The state folder from --state-dir, else TUNEFORGE_STATE_DIR, else {@code <project>/.tuneforge}. */
    public static StackLayout of(Path projectRoot, Path stateDirOption) {
        if (stateDirOption != null) {
            return new StackLayout(projectRoot, stateDirOption);
        }
        String fromEnvironment = System.getenv(STATE_DIR_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new StackLayout(projectRoot, Path.of(fromEnvironment));
        }
        return new StackLayout(projectRoot, projectRoot.resolve(".tuneforge"));
    }

    public Path apiKeyFile() {
        return stateDir.resolve("api-key");
    }

    /** training-service's key-sealing key (TUNEFORGE_TRAINING_SECRET_KEY), mode 600. */
    public Path trainingSecretKeyFile() {
        return stateDir.resolve("training-secret-key");
    }

    public Path stateFile() {
        return stateDir.resolve("stack.json");
    }

    public Path lockFile() {
        return stateDir.resolve("supervisor.lock");
    }

    public Path logsDir() {
        return stateDir.resolve("logs");
    }

    public Path supervisorLog() {
        return logsDir().resolve("supervisor.log");
    }

    public Path logOf(String component) {
        return logsDir().resolve(component + ".log");
    }

    public Path postgresDir() {
        return stateDir.resolve("postgres");
    }

    public Path kafkaDir() {
        return stateDir.resolve("kafka");
    }

    public Path simulatorDir() {
        return stateDir.resolve("simulator");
    }

    /** The runnable jar of a Quarkus module, as `./mvnw package` leaves it. */
    public Path quarkusJarOf(String module) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
