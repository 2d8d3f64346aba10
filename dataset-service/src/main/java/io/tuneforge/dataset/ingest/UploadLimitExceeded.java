package io.tuneforge.dataset.ingest;

/**
 * An upload goes past one of the configured bounds ({@code tuneforge.dataset.ingest.*}); nothing of it is stored.
 * Raised while the upload is spooled or scanned, before the validator or the database sees it.
 */
public final class UploadLimitExceeded extends RuntimeException {

    /** The bound, with its configuration key. */
    public enum Limit {
        CONTENT_SIZE("max-content-size", "decompressed content"),
        LINE_SIZE("max-line-size", "line length"),
        LINES("max-lines", "number of lines");

        private final String key;
        private final String what;

        Limit(String key, String what) {
            this.key = key;
            this.what = what;
        }

        /** The configuration property that sets it. */
        public String property() {
            return "tuneforge.dataset.ingest." + key;
        }

        public String what() {
            return what;
        }
    }

    private final Limit limit;
    private final long max;
    private final long line;

    UploadLimitExceeded(Limit limit, long max, long line) {
        super(limit.what() + " over the limit of " + max + " (" + limit.property() + ")" + (line > 0 ? " at line " + line : ""));
        this.limit = limit;
        this.max = max;
        this.line = line;
    }

    public Limit limit() {
        return limit;
    }

    /** The configured bound: bytes for the sizes, lines for {@link Limit#LINES}. */
    public long max() {
        return max;
    }

    /** The line where it was exceeded (1-based in the file being validated), 0 when not tied to a line. */
    public long line() {
        return line;
    }
}
