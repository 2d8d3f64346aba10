package io.tuneforge.kafkabroker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.kafka.common.Uuid;

import kafka.tools.StorageTool;

/**
 * Formats the KRaft log directory the first time only, so a kept data directory keeps its topics
 * and offsets across restarts. Uses {@code StorageTool.execute} because its {@code main} calls
 * System.exit.
 */
final class StorageFormat {

    private StorageFormat() {
    }

    static boolean isFormatted(BrokerOptions options) {
        return Files.exists(options.logDir().resolve("meta.properties"));
    }

    /** @return true if it formatted, false if the directory already was */
    static boolean ensureFormatted(BrokerOptions options) throws Exception {
        if (isFormatted(options)) {
            return false;
        }
        Files.createDirectories(options.logDir());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                    "format",
                    "--config", options.serverProperties().toString(),
                    "--cluster-id", Uuid.randomUuid().toString(),
                    "--ignore-formatted"}, print);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the KRaft log directory " + options.logDir()
                    + " failed with exit code " + exitCode + ": " + output.toString(StandardCharsets.UTF_8)
                    + "\nIf the directory holds data of another cluster, delete it.");
        }
        return true;
    }
}
