package io.tuneforge.testsupport;

import io.tuneforge.localinfra.QuarkusServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Other tuneforge services a test needs running for real (e.g. training-service's tests fetch
 * training splits from a real dataset-service). Each runs from its built jar as its own JVM, on the
 * same broker, database and tenants as the service under test, started once per test JVM.
 *
 * <p>A module whose tests use a sibling declares it as a test dependency of type {@code pom} with all
 * transitive dependencies excluded: that orders the reactor (the sibling is packaged first) without
 * putting the sibling's classes on the test classpath.
 */
public final class SiblingServices {

    private static final Map<String, QuarkusServiceProcess> RUNNING = new ConcurrentHashMap<>();

    private SiblingServices() {
    }

    /** The base URL of {@code module} (e.g. {@code dataset-service}), started if it is not running yet. */
    public static synchronized String baseUrl(String module) {
        return RUNNING.computeIfAbsent(module, SiblingServices::start).baseUrl();
    }

    /** The running process of {@code module}, e.g. to kill it as a crash would. */
    public static synchronized QuarkusServiceProcess process(String module) {
        return RUNNING.computeIfAbsent(module, SiblingServices::start);
    }

    /** Forgets a stopped or killed sibling so the next {@link #baseUrl} starts a fresh one. */
    public static synchronized void forget(String module) {
        QuarkusServiceProcess process = RUNNING.remove(module);
        if (process != null) {
            process.close();
        }
    }

    /**
     * Starts one more, separately named instance of {@code module} (a second replica, or a process a test
     * kills and starts again) on this test's broker, database and tenants, with {@code extraEnv} on top.
     * Not shared: the caller closes it (it is also stopped when the test JVM ends).
     */
    public static QuarkusServiceProcess startInstance(String module, String instanceName, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(PlatformTestResource.serviceEnvironment());
        env.putAll(extraEnv);
        return launch(module, instanceName, env);
    }

    private static QuarkusServiceProcess start(String module) {
        return launch(module, module, PlatformTestResource.serviceEnvironment());
    }

    private static QuarkusServiceProcess launch(String module, String instanceName, Map<String, String> env) {
        Path jar = projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        QuarkusServiceProcess process = QuarkusServiceProcess.start(instanceName, jar, 0,
                env, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                PlatformTestResource.root().resolve(instanceName + ".log"), QuarkusServiceProcess.DEFAULT_STARTUP_TIMEOUT);
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "stop-" + instanceName));
        return process;
    }

    private static Path projectRoot() {
        String configured = System.getProperty("tuneforge.root");
        if (configured != null && Files.isDirectory(Paths.get(configured, "events"))) {
            return Paths.get(configured);
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the tuneforge project root from " + Paths.get("").toAbsolutePath()
                    + "; set -Dtuneforge.root");
        }
        return dir;
    }
}
