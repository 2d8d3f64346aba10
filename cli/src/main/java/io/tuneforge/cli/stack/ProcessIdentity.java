package io.tuneforge.cli.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a pid is still the process we started: pids are recycled, so a pid alone never
 * justifies a signal. The command line must still contain the marker we launched it with.
 */
public final class ProcessIdentity {

    private ProcessIdentity() {
    }

    public static boolean runs(long pid, String marker) {
        if (marker == null || marker.isEmpty()) {
            return false;
        }
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String commandLine = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            return commandLine.contains(marker);
        } catch (IOException e) {
            return false;
        }
    }
}
