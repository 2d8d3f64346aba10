package io.tuneforge.localinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last lines of a server's log, quoted in failures so the cause shows without opening the file.
 * Stack frames are left out: the exception and "Caused by" lines say what went wrong, and 30 lines
 * of frames would push them out of view.
 */
final class LogTail {

    private static final int LINES = 20;
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at .*|\\.\\.\\. \\d+ more)");

    private LogTail() {
    }

    static String describe(Path logFile) {
        try {
            if (logFile == null || !Files.exists(logFile)) {
                return "";
            }
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(line -> !STACK_FRAME.matcher(line).matches())
                    .toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
            return tail.isEmpty() ? " (empty)" : "\n  last lines:\n    " + String.join("\n    ", tail);
        } catch (IOException | RuntimeException e) {
            return " (unreadable: " + e.getMessage() + ")";
        }
    }
}
