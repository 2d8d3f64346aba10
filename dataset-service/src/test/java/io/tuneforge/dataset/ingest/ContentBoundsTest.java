package io.tuneforge.dataset.ingest;

import io.tuneforge.dataset.validation.input.CountingInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentBoundsTest {

    @Test
    void anEndlessGzipBombStopsAtTheSizeBound() throws Exception {
        AtomicLong produced = new AtomicLong();
        CountingInputStream inflated = new CountingInputStream(UploadSpool.decompressed(endlessGzip(produced)));
        ContentBounds bounds = new ContentBounds(8L << 20, 1 << 20, Long.MAX_VALUE);
        assertThatThrownBy(() -> bounds.check(inflated))
                .isInstanceOfSatisfying(UploadLimitExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(UploadLimitExceeded.Limit.CONTENT_SIZE);
                    assertThat(e.max()).isEqualTo(8L << 20);
                });
        // Inflated no further than one byte past the bound, though the bomb never ends.
        assertThat(inflated.count()).isEqualTo((8L << 20) + 1);
        assertThat(produced.get()).isGreaterThan(8L << 20);
    }

    @Test
    void theLongestLineAndTheLineCountAreBoundedAsTheValidatorSplitsLines() throws Exception {
        ContentBounds bounds = new ContentBounds(1 << 20, 5, 3);
        bounds.check(in("abcde\r\nabcde\rabc")); // CRLF is one terminator, a bare CR another: 3 lines
        assertThatThrownBy(() -> bounds.check(in("abc\nabcdef\n")))
                .isInstanceOfSatisfying(UploadLimitExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(UploadLimitExceeded.Limit.LINE_SIZE);
                    assertThat(e.line()).isEqualTo(2);
                });
        assertThatThrownBy(() -> bounds.check(in("a\n\nb\nc")))
                .isInstanceOfSatisfying(UploadLimitExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(UploadLimitExceeded.Limit.LINES);
                    assertThat(e.line()).isEqualTo(4);
                });
        assertThatThrownBy(() -> bounds.check(in("123456789012345678901234567890".repeat(40000))))
                .isInstanceOf(UploadLimitExceeded.class);
    }

    @Test
    void aTruncatedGzipEndsTheScanForTheValidatorToReport() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"a\":1}\n".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] truncated = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        new ContentBounds(1 << 20, 1 << 10, 10_000).check(UploadSpool.decompressed(new ByteArrayInputStream(truncated)));
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Gzip of endless 64 KiB lines, compressed on a writer thread as it is read; counts the bytes it compressed. */
    private static InputStream endlessGzip(AtomicLong produced) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream pipe = new PipedOutputStream(in);
        Thread writer = new Thread(() -> {
            byte[] line = new byte[1 << 16];
            Arrays.fill(line, (byte) ' ');
            line[line.length - 1] = '\n';
            try (OutputStream gz = new GZIPOutputStream(pipe, 1 << 12)) {
                while (true) {
                    gz.write(line);
                    produced.addAndGet(line.length);
                }
            } catch (IOException e) {
                // the reader stopped: the bomb ends here
            }
        }, "gzip-bomb");
        writer.setDaemon(true);
        writer.start();
        return in;
    }
}
