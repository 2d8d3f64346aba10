package io.tuneforge.localinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A tuneforge service (a Quarkus fast-jar, {@code <module>/target/quarkus-app/quarkus-run.jar}) run as
 * its own JVM, configured through environment variables, ready once {@code /q/health/ready} answers
 * 200. Like the broker it never outlives the JVM that started it ({@link OrphanGuard}).
 */
public final class QuarkusServiceProcess implements AutoCloseable {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final OrphanGuard guard;
    private final int port;
    private final Path logFile;
    private volatile boolean closed;

    private QuarkusServiceProcess(String name, Process process, OrphanGuard guard, int port, Path logFile) {
        this.name = name;
        this.process = process;
        this.guard = guard;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * @param name        the service's name, for messages
     * @param jar         its {@code quarkus-run.jar}
     * @param port        HTTP port ({@code quarkus.http.port}), 0 for a free one
     * @param environment configuration (TUNEFORGE_* variables), added to this JVM's environment
     * @param jvmOptions  e.g. {@code -Xmx256m}
     * @param logFile     where its console output goes (appended)
     * @throws StartupFailedException when the jar is missing, the JVM exits, or it is not ready in time
     */
    public static QuarkusServiceProcess start(String name, Path jar, int port, Map<String, String> environment,
                                              List<String> jvmOptions, Path logFile, Duration startupTimeout) {
        QuarkusServiceProcess service = launch(name, jar, port, environment, jvmOptions, logFile);
        try {
            service.awaitReady(startupTimeout);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /**
     * Launches the service without waiting for it, for a supervisor that watches several at once;
     * {@link #awaitReady} waits.
     */
    public static QuarkusServiceProcess launch(String name, Path jar, int port, Map<String, String> environment,
                                               List<String> jvmOptions, Path logFile) {
        int httpPort = port == 0 ? FreePorts.pick() : port;
        String what = name + " on 127.0.0.1:" + httpPort;
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailedException(what, "no service jar at " + jar
                    + "; build it first: ./mvnw -q package -DskipTests", logFile, null);
        }
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.current());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            // stdin stays a pipe only this JVM holds (the orphan guard's watchdog has its own).
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new StartupFailedException(what, "could not launch " + command.get(0) + ": " + e.getMessage(), logFile, e);
        }
        OrphanGuard guard = OrphanGuard.watch(what, process.pid(), OrphanGuard.StopSignal.TERM, STOP_TIMEOUT,
                jar.toAbsolutePath().toString());
        return new QuarkusServiceProcess(name, process, guard, httpPort, logFile);
    }

    /** Waits until {@code /q/health/ready} answers 200; fails fast when the JVM exits meanwhile. */
    public void awaitReady(Duration timeout) {
        String what = name + " on 127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartupFailedException(what, "exited with code " + process.exitValue() + " before it was ready",
                        logFile, null);
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "health answered " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailedException(what, "interrupted while waiting for readiness", logFile, e);
            }
            sleep(250);
        }
        throw new StartupFailedException(what, "not ready within " + timeout.toSeconds() + " s (" + last + ")", logFile, null);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** e.g. {@code http://127.0.0.1:8081} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The exit code, once {@link #isAlive()} is false. */
    public int exitCode() {
        return process.exitValue();
    }

    /** After the service exited by itself: the watchdog has nothing left to guard. */
    public void release() {
        guard.disarm();
    }

    /** Kills the service at once, as a crash would: no shutdown hooks, nothing flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Graceful stop (SIGTERM: Quarkus shuts down cleanly), SIGKILL after 15 s. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        JvmChildStop.stop(name, process, guard, STOP_TIMEOUT);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "QuarkusServiceProcess[" + name + " " + baseUrl() + ", pid " + process.pid() + ", log " + logFile + "]";
    }
}
