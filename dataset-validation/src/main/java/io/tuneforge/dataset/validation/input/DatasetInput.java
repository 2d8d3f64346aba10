package io.tuneforge.dataset.validation.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens an upload as a stream of decompressed bytes. Gzip is recognised by its magic number rather than the
 * file name, because uploads arrive as bodies without a trustworthy name.
 */
public final class DatasetInput implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final CountingInputStream raw;
    private final InputStream content;
    private final boolean gzip;

    private DatasetInput(CountingInputStream raw, InputStream content, boolean gzip) {
        this.raw = raw;
        this.content = content;
        this.gzip = gzip;
    }

    public static DatasetInput open(InputStream upload) throws IOException {
        CountingInputStream raw = new CountingInputStream(upload);
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new DatasetInput(raw, new GzipContent(buffered), true);
        }
        return new DatasetInput(raw, buffered, false);
    }

    /** Decompressed content. */
    public InputStream content() {
        return content;
    }

    public boolean gzip() {
        return gzip;
    }

    /** Bytes consumed from the upload as stored (compressed size for gzip). */
    public long storedBytesRead() {
        return raw.count();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    /** Turns gzip format failures into {@link CompressedInputCorruptException}; transport errors pass unchanged. */
    private static final class GzipContent extends InputStream {
        private final InputStream compressed;
        private GZIPInputStream gzip;

        GzipContent(InputStream compressed) {
            this.compressed = compressed;
        }

        private GZIPInputStream stream() throws IOException {
            if (gzip == null) {
                try {
                    gzip = new GZIPInputStream(compressed, BUFFER);
                } catch (java.util.zip.ZipException | java.io.EOFException e) {
                    throw new CompressedInputCorruptException("gzip header is corrupt: " + e.getMessage(), e);
                }
            }
            return gzip;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return stream().read(b, off, len);
            } catch (java.util.zip.ZipException e) {
                throw new CompressedInputCorruptException("gzip data is corrupt: " + e.getMessage(), e);
            } catch (java.io.EOFException e) {
                throw new CompressedInputCorruptException("gzip data ends early (truncated upload)", e);
            }
        }

        @Override
        public void close() throws IOException {
            if (gzip != null) {
                gzip.close();
            } else {
                compressed.close();
            }
        }
    }
}
