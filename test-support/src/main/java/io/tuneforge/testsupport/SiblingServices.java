package io.tuneforge.testsupport;

import io.tuneforge.localinfra.QuarkusServiceProcess;
import io.tuneforge.localinfra.ServiceJarFreshness;
import io.tuneforge.localinfra.StartupFailedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Other tuneforge services a test needs running for real (e.g. training-service's tests fetch
 * training splits from a real dataset-service). Each runs from its built jar as its own JVM, on the
 * same broker, database and tenants as the service under test, started once per test JVM.
 *
 * <p>Once per JVM holds across Quarkus restarts (a test class with its own profile boots a new
 * application, with its own copy of this class): a running sibling's base URL is kept in a JVM-wide
 * system property and its start is guarded by a JVM-wide lock, so a restarted application finds it
 * instead of starting another (see {@link PlatformTestResource}).
 *
 * <p>A module whose tests use a sibling declares it as a test dependency of type {@code pom} with all
 * transitive dependencies excluded: that orders the reactor (the sibling is packaged first) without
 * putting the sibling's classes on the test classpath.
 */
public final class SiblingServices {

    /** The processes this class loader's copy started (a restarted application knows only the URLs of the others). */
    private static final Map<String, QuarkusServiceProcess> RUNNING = new ConcurrentHashMap<>();

    private SiblingServices() {
    }

    /** The base URL of {@code module} (e.g. {@code dataset-service}), started if it is not running yet. */
    public static String baseUrl(String module) {
        String url = System.getProperty(urlProperty(module));
        if (url != null) {
            return url;
        }
        synchronized (lock(module)) {
            url = System.getProperty(urlProperty(module));
            if (url == null) {
                QuarkusServiceProcess process = start(module);
                RUNNING.put(module, process);
                url = process.baseUrl();
                System.setProperty(urlProperty(module), url);
            }
            return url;
        }
    }

    /**
     * Starts every one of {@code modules} that is not running yet, side by side (a JVM start mostly
     * waits: two at once take little longer than one), and returns when all answer.
     */
    public static void start(String... modules) {
        List<CompletableFuture<String>> starting = java.util.Arrays.stream(modules)
                .map(module -> CompletableFuture.supplyAsync(() -> baseUrl(module), task -> new Thread(task, "start-" + module).start()))
                .toList();
        try {
            starting.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * The running process of {@code module}, e.g. to kill it as a crash would. Only the application (class
     * loader) that started it holds the process; another one gets an {@link IllegalStateException}.
     */
    public static QuarkusServiceProcess process(String module) {
        baseUrl(module);
        QuarkusServiceProcess process = RUNNING.get(module);
        if (process == null) {
            throw new IllegalStateException(module + " was started by another Quarkus application of this JVM; "
                    + "its process is not reachable from here");
        }
        return process;
    }

    /** Forgets a stopped or killed sibling so the next {@link #baseUrl} starts a fresh one. */
    public static void forget(String module) {
        synchronized (lock(module)) {
            System.clearProperty(urlProperty(module));
            QuarkusServiceProcess process = RUNNING.remove(module);
            if (process != null) {
                process.close();
            }
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

    private static String urlProperty(String module) {
        return "tuneforge.test.sibling." + module + ".url";
    }

    /** Interned: the same object for every class loader's copy of this class. */
    private static Object lock(String module) {
        return ("io.tuneforge.testsupport.SiblingServices." + module).intern();
    }

    private static QuarkusServiceProcess start(String module) {
        return launch(module, module, PlatformTestResource.serviceEnvironment());
    }

    private static QuarkusServiceProcess launch(String module, String instanceName, Map<String, String> env) {
        Path root = projectRoot();
        Path jar = ServiceJarFreshness.jar(root, module);
        ServiceJarFreshness.staleness(root, module).ifPresent(why -> {
            throw new StartupFailedException(instanceName, why, PlatformTestResource.root().resolve(instanceName + ".log"), null);
        });
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
