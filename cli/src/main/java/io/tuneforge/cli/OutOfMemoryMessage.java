package io.tuneforge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user reads instead of a stack trace when a command needs more heap than the CLI's bound
 * (the `tuneforge` script sets -Xmx from TUNEFORGE_CLI_HEAP, 256m by default): which command, which
 * input file and how large it is, and how to raise the bound.
 */
final class OutOfMemoryMessage {

    static final String HEAP_VARIABLE = "TUNEFORGE_CLI_HEAP";

    private OutOfMemoryMessage() {
    }

    static String of(String[] args, long maxHeapBytes) {
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            try {
                Path path = Path.of(arg);
                if (!arg.startsWith("-") && Files.isRegularFile(path)) {
                    files.add(arg + " (" + megabytes(Files.size(path)) + ")");
                }
            } catch (RuntimeException | java.io.IOException e) {
                // not a path: an option value or a name
            }
        }
        long suggested = Math.max(512, Long.highestOneBit(Math.max(1, maxHeapBytes >> 20)) * 4);
        return "error: out of memory: `tuneforge " + String.join(" ", args) + "` needed more than the CLI's "
                + megabytes(maxHeapBytes) + " heap"
                + (files.isEmpty() ? "" : " for " + String.join(", ", files)) + ".\n"
                + "  Raise the bound and run it again: " + HEAP_VARIABLE + "=" + suggested + "m ./tuneforge "
                + String.join(" ", args);
    }

    private static String megabytes(long bytes) {
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : String.format("%.1f MB", bytes / 1048576.0);
    }
}
