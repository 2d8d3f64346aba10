package io.tuneforge.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real single-node KRaft Kafka broker running in its own JVM (io.tuneforge.kafkabroker.KafkaBrokerMain),
 * listening on 127.0.0.1 only. Its data directory holds server.properties, the Kafka logs (logs/) and
 * its console output (broker.log); reuse the directory to keep topics across restarts.
 *
 * <p>The broker stops by itself when this JVM dies (it watches its stdin and its parent), and an
 * {@link OrphanGuard} SIGKILLs it should that graceful stop hang.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /**
     * A broker answers in 5-20 s on 2 quiet cores; a machine busy with several test JVMs at once (a
     * parallel build) has been seen to need more than 60. A broker that cannot start fails sooner
     * anyway: its process exits and the wait ends with its log.
     */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_PARTITIONS = 3;

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** Enough for a broker and its controller on a busy 2-core machine, well below a service's heap. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Process process;
    private final OrphanGuard guard;
    private final String bootstrapServers;
    private final Path dataDir;
    private final Path logFile;
    private volatile boolean closed;

    private KafkaBrokerProcess(Process process, OrphanGuard guard, int port, Path dataDir, Path logFile) {
        this.process = process;
        this.guard = guard;
        this.bootstrapServers = "127.0.0.1:" + port;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /** Starts a broker with {@value #DEFAULT_PARTITIONS} partitions per auto-created topic. */
    public static KafkaBrokerProcess start(Path dataDir, int port) {
        return start(dataDir, port, DEFAULT_PARTITIONS, DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * @param dataDir        created if missing; formatted on first use and kept afterwards
     * @param port           the PLAINTEXT port, 0 for a free one
     * @param partitions     default partition count of auto-created topics
     * @param startupTimeout how long to wait until it serves requests
     * @throws StartupFailedException if it exits or does not answer in time (the broker is stopped then)
     */
    public static KafkaBrokerProcess start(Path dataDir, int port, int partitions, Duration startupTimeout) {
        Path dir = dataDir.toAbsolutePath();
        int[] ports = FreePorts.pick(2);
        int brokerPort = port == 0 ? ports[0] : port;
        int controllerPort = ports[1] == brokerPort ? FreePorts.pick() : ports[1];
        Path logFile = dir.resolve("broker.log");
        String what = "Kafka broker on 127.0.0.1:" + brokerPort;

        Process process = launch(dir, brokerPort, controllerPort, partitions, logFile, what);
        OrphanGuard guard = OrphanGuard.watch(what, process.pid(), OrphanGuard.StopSignal.TERM, STOP_TIMEOUT,
                BrokerClasspath.MAIN_CLASS);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(process, guard, brokerPort, dir, logFile);
        try {
            BrokerReadiness.await(broker.bootstrapServers, process, startupTimeout, what, logFile);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private static Process launch(Path dir, int port, int controllerPort, int partitions, Path logFile, String what) {
        List<String> command = new ArrayList<>();
        command.add(JavaExecutable.current());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(BrokerClasspath.resolve());
        command.add(BrokerClasspath.MAIN_CLASS);
        command.add("--data-dir=" + dir);
        command.add("--port=" + port);
        command.add("--controller-port=" + controllerPort);
        command.add("--partitions=" + partitions);
        command.add("--parent-pid=" + ProcessHandle.current().pid());
        command.add("--exit-on-stdin-eof");
        try {
            Files.createDirectories(dir);
            // stdin stays a pipe that only this JVM holds: its EOF tells the broker we are gone.
            return new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new StartupFailedException(what, "could not launch " + command.get(0) + ": " + e.getMessage(),
                    logFile, e);
        }
    }

    /** e.g. {@code 127.0.0.1:41234}, for bootstrap.servers / kafka.bootstrap.servers */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Graceful stop (SIGTERM, the broker's own shutdown), SIGKILL if that takes over 20 s. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        JvmChildStop.stop("the Kafka broker", process, guard, STOP_TIMEOUT);
    }

    @Override
    public String toString() {
        return "KafkaBrokerProcess[" + bootstrapServers + ", pid " + process.pid() + ", log " + logFile + "]";
    }
}
