package io.tuneforge.kafkabroker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How one broker is to be run. Read from {@code --name=value} arguments, falling back to
 * {@code -Dtuneforge.kafka.<name>=value} system properties, so both a launcher and a hand-written
 * command line can drive it.
 *
 * @param dataDir          holds server.properties and the Kafka log directory (logs/)
 * @param port             PLAINTEXT listener port on 127.0.0.1
 * @param controllerPort   KRaft CONTROLLER listener port on 127.0.0.1
 * @param nodeId           KRaft node id
 * @param partitions       default partition count of auto-created topics
 * @param parentPid        process whose death stops this broker; empty = the process that started us
 * @param exitOnStdinEof   also stop when stdin reaches EOF (a launcher that holds the pipe open
 *                         and dies, even by kill -9, closes it at once)
 */
public record BrokerOptions(Path dataDir, int port, int controllerPort, int nodeId, int partitions,
                            OptionalLong parentPid, boolean exitOnStdinEof) {

    static final String USAGE = """
            usage: java -cp <runtime.classpath> io.tuneforge.kafkabroker.KafkaBrokerMain \\
                     --data-dir=<dir> --port=<port> --controller-port=<port> \\
                     [--node-id=1] [--partitions=3] [--parent-pid=<pid>] [--exit-on-stdin-eof]
            each option may also be given as -Dtuneforge.kafka.<option>=<value>""";

    public BrokerOptions {
        if (port <= 0 || controllerPort <= 0) {
            throw new IllegalArgumentException("--port and --controller-port must be real ports (> 0), got "
                    + port + " and " + controllerPort + "; the launcher picks free ones\n" + USAGE);
        }
        if (port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public static BrokerOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
            int eq = arg.indexOf('=');
            given.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        String dataDir = option(given, "data-dir", null);
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required\n" + USAGE);
        }
        String parentPid = option(given, "parent-pid", null);
        return new BrokerOptions(
                Path.of(dataDir).toAbsolutePath(),
                intOption(given, "port", null),
                intOption(given, "controller-port", null),
                intOption(given, "node-id", "1"),
                intOption(given, "partitions", "3"),
                parentPid == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parentPid)),
                Boolean.parseBoolean(option(given, "exit-on-stdin-eof", "false")));
    }

    private static String option(Map<String, String> given, String name, String fallback) {
        return given.getOrDefault(name, System.getProperty("tuneforge.kafka." + name, fallback));
    }

    private static int intOption(Map<String, String> given, String name, String fallback) {
        String value = option(given, name, fallback);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'", e);
        }
    }
}
