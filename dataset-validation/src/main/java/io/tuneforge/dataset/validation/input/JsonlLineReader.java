package io.tuneforge.dataset.validation.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines the way Node's readline (crlfDelay: Infinity) and Python text mode do:
 * on {@code \n}, {@code \r\n} and a bare {@code \r}; a final line without terminator is still a line, an
 * empty remainder is not. Works on bytes so that invalid UTF-8 can be reported per line, and never holds
 * more than {@code maxLineBytes} of one line: an over-long line is skipped to its end and flagged.
 */
public final class JsonlLineReader {

    private static final int CHUNK = 1 << 20;
    private static final int OVERLONG_PREFIX = 256;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private boolean atFileStart = true;

    private byte[] pending = new byte[8192];
    private int pendingLength;
    private long currentLength;

    public JsonlLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    public RawLine next() throws IOException {
        pendingLength = 0;
        currentLength = 0;
        while (true) {
            if (pos == limit) {
                if (!fill()) {
                    if (currentLength == 0) {
                        return null;
                    }
                    return emit(LineEnding.END_OF_FILE);
                }
            }
            int start = pos;
            int end = start;
            byte b = 0;
            while (end < limit) {
                b = chunk[end];
                if (b == '\n' || b == '\r') {
                    break;
                }
                end++;
            }
            append(start, end);
            if (end == limit) {
                pos = limit;
                continue;
            }
            pos = end + 1;
            if (b == '\n') {
                return emit(LineEnding.LF);
            }
            if (pos < limit) {
                if (chunk[pos] == '\n') {
                    pos++;
                    return emit(LineEnding.CRLF);
                }
                return emit(LineEnding.CR);
            }
            // The "\r" is the last byte read so far: look ahead one read to tell CRLF from CR.
            if (fill()) {
                if (chunk[pos] == '\n') {
                    pos++;
                    return emit(LineEnding.CRLF);
                }
            }
            return emit(LineEnding.CR);
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(chunk, 0, CHUNK);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void append(int start, int end) {
        int n = end - start;
        if (n == 0) {
            return;
        }
        long newLength = currentLength + n;
        int keep;
        if (newLength <= maxLineBytes) {
            keep = n;
        } else {
            // Over the limit: keep only a short prefix for the report and count the rest.
            keep = (int) Math.max(0, Math.min(n, OVERLONG_PREFIX - pendingLength));
        }
        if (keep > 0) {
            if (pendingLength + keep > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pendingLength + keep, Math.min(maxLineBytes, pending.length * 2)));
            }
            System.arraycopy(chunk, start, pending, pendingLength, keep);
            pendingLength += keep;
        }
        currentLength = newLength;
    }

    private RawLine emit(LineEnding ending) {
        lineNumber++;
        boolean overLong = currentLength > maxLineBytes;
        byte[] bytes = Arrays.copyOf(pending, overLong ? Math.min(pendingLength, OVERLONG_PREFIX) : pendingLength);
        boolean bom = atFileStart && bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
        atFileStart = false;
        if (pending.length > (1 << 20)) {
            // Do not keep a huge buffer alive after one long line.
            pending = new byte[8192];
        }
        return new RawLine(lineNumber, bytes, currentLength, ending, bom, overLong);
    }
}
