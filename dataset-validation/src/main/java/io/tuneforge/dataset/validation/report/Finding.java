package io.tuneforge.dataset.validation.report;

/**
 * One problem at one place. {@code line} is 1-based; 0 means the finding is about the whole file.
 * {@code path} locates the field inside the example (e.g. {@code messages[2].content}), empty when the whole
 * line is concerned.
 */
public record Finding(Severity severity, String code, long line, String path, String message, String fixHint) {

    public static Finding of(FindingCode code, long line, String path, String message) {
        return new Finding(code.severity(), code.code(), line, path, message, code.fixHint());
    }

    public static Finding of(FindingCode code, long line, String path, String message, String fixHint) {
        return new Finding(code.severity(), code.code(), line, path, message, fixHint);
    }

    /** The sentence a user reads: "line 412: messages[3]: assistant message missing 'content' — add the reply text". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(line > 0 ? "line " + line : "file");
        if (!path.isEmpty()) {
            s.append(' ').append(path);
        }
        s.append(": ").append(message);
        if (fixHint != null && !fixHint.isEmpty()) {
            s.append(" — ").append(fixHint);
        }
        return s.toString();
    }
}
