package io.tuneforge.dataset.ingest;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipException;

/**
 * The configured bounds of one version's content, enforced on the bytes as they stream past, so that neither a gzip
 * bomb nor a huge line nor millions of tiny lines is ever decompressed, held or split beyond what the heap can take:
 * reading stops at the first byte past a bound. Lines split on {@code \n} and {@code \r} as the validator splits them
 * (a {@code \r\n} pair counts one line).
 */
final class ContentBounds {

    private final long maxBytes;
    private final long maxLineBytes;
    private final long maxLines;

    ContentBounds(long maxBytes, long maxLineBytes, long maxLines) {
        this.maxBytes = maxBytes;
        this.maxLineBytes = maxLineBytes;
        this.maxLines = maxLines;
    }

    static ContentBounds of(IngestConfig config) {
        return new ContentBounds(config.maxContentSize().asLongValue(), config.maxLineSize().asLongValue(), config.maxLines());
    }

    /** The longest line, in bytes (what the validator and the storage pass are configured with). */
    int maxLineBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 16, maxLineBytes);
    }

    /** Bounds the content size only: for input that is not JSONL yet (an import may be one JSON array). */
    InputStream sizeLimited(InputStream content) {
        return new Counting(content, maxBytes, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Bounds everything: the content the validator will read. */
    InputStream limited(InputStream content) {
        return new Counting(content, maxBytes, maxLineBytes, maxLines);
    }

    /** The body as sent, before decompression: at most the content limit too (gzip never makes text much larger). */
    InputStream bodyLimited(InputStream body) {
        return new Counting(body, maxBytes, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Reads {@code content} (decompressed) to its end or to the first bound it goes past. A corrupt or truncated gzip
     * stream ends the scan quietly: the validator reports it, with what was readable before it.
     */
    void check(InputStream content) throws IOException {
        try (InputStream in = limited(content)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException | EOFException e) {
            // compressed_input_corrupt: the validator's finding, not a bound
        }
    }

    private static final class Counting extends FilterInputStream {
        private final long maxBytes;
        private final long maxLineBytes;
        private final long maxLines;
        private long bytes;
        private long lines;
        private long lineBytes;
        private boolean afterCr;
        private boolean ended;

        Counting(InputStream in, long maxBytes, long maxLineBytes, long maxLines) {
            super(in);
            this.maxBytes = maxBytes;
            this.maxLineBytes = maxLineBytes;
            this.maxLines = maxLines;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // Never read more than one byte past the size bound, so a bomb is not inflated further than that.
            long room = maxBytes - bytes + 1;
            int n = in.read(b, off, (int) Math.min(len, Math.max(1, room)));
            if (n < 0) {
                if (!ended && lineBytes > 0) {
                    ended = true;
                    lines++; // a final line without terminator
                    checkLines();
                }
                return n;
            }
            bytes += n;
            if (bytes > maxBytes) {
                throw new UploadLimitExceeded(UploadLimitExceeded.Limit.CONTENT_SIZE, maxBytes, 0);
            }
            if (maxLineBytes != Long.MAX_VALUE || maxLines != Long.MAX_VALUE) {
                countLines(b, off, n);
            }
            return n;
        }

        private void countLines(byte[] b, int off, int n) {
            for (int i = off; i < off + n; i++) {
                byte c = b[i];
                if (c == '\n') {
                    if (!afterCr) {
                        endLine();
                    }
                    afterCr = false;
                } else if (c == '\r') {
                    endLine();
                    afterCr = true;
                } else {
                    afterCr = false;
                    if (++lineBytes > maxLineBytes) {
                        throw new UploadLimitExceeded(UploadLimitExceeded.Limit.LINE_SIZE, maxLineBytes, lines + 1);
                    }
                }
            }
        }

        private void endLine() {
            lines++;
            lineBytes = 0;
            checkLines();
        }

        private void checkLines() {
            if (lines > maxLines) {
                throw new UploadLimitExceeded(UploadLimitExceeded.Limit.LINES, maxLines, lines);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must be counted too.
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
