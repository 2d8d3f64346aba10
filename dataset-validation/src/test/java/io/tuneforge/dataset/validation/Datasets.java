package io.tuneforge.dataset.validation;

import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.FindingTally;
import io.tuneforge.dataset.validation.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/** Small files the tests write themselves, and ways to look into a report. */
public final class Datasets {

    private Datasets() {
    }

    /** A valid supervised example: system, user, assistant. */
    public static String chat(String user, String assistant) {
        return "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a helpful assistant.\"}, "
                + "{\"role\": \"user\", \"content\": " + quote(user) + "}, {\"role\": \"assistant\", \"content\": " + quote(assistant) + "}]}";
    }

    /** n distinct valid examples, one per line, each ending with a newline. */
    public static String distinctChats(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(chat("Question number " + i + ": what is " + i + " plus " + (i * 7 % 13) + "?",
                    "The answer is " + (i + i * 7 % 13) + ", computed by adding " + i + " and " + (i * 7 % 13) + " together.")).append('\n');
        }
        return b.toString();
    }

    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    public static ValidationReport validate(String jsonl) {
        return validate(jsonl.getBytes(StandardCharsets.UTF_8), ValidationOptions.defaults());
    }

    public static ValidationReport validate(String jsonl, ValidationOptions options) {
        return validate(jsonl.getBytes(StandardCharsets.UTF_8), options);
    }

    public static ValidationReport validate(byte[] bytes, ValidationOptions options) {
        try {
            return new DatasetValidator(options).validate(new ByteArrayInputStream(bytes), "test.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<FindingTally> tally(ValidationReport report, String code) {
        return report.findings().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public static long count(ValidationReport report, String code) {
        return tally(report, code).map(FindingTally::count).orElse(0L);
    }

    public static List<Finding> findings(ValidationReport report, String code) {
        return tally(report, code).map(FindingTally::examples).orElse(List.of());
    }

    /** ../shared relative to the project root (the directory holding mvnw); empty when absent. */
    public static Optional<Path> shared(String relative) {
        Path root = projectRoot();
        if (root == null) {
            return Optional.empty();
        }
        Path p = root.resolve("..").resolve("shared").resolve(relative).normalize();
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    private static Path projectRoot() {
        String configured = System.getProperty("tuneforge.root");
        if (configured != null && Files.exists(Path.of(configured, "mvnw"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        return null;
    }
}
