package io.tuneforge.cli.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last lines of a log, quoted in failures so the cause shows without opening the file.
 * Stack frames are left out: the exception and "Caused by" lines say what went wrong. Only the
 * file's end is read, since a service log may be large.
 */
public final class LogExcerpt {

    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at .*|\\.\\.\\. \\d+ more)");
    private static final int READ_BYTES = 64 * 1024;

    private LogExcerpt() {
    }

    public static List<String> tail(Path log, int lines) {
        if (log == null || !Files.exists(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - READ_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\\R"))
                    .filter(line -> !line.isBlank() && !STACK_FRAME.matcher(line).matches())
                    .toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    /** Indented for quoting under an error message. */
    public static String quote(Path log, int lines) {
        List<String> tail = tail(log, lines);
        if (tail.isEmpty()) {
            return "  (log " + log + " is empty or missing)";
        }
        return "  last lines of " + log + ":\n    " + String.join("\n    ", tail);
    }
}
