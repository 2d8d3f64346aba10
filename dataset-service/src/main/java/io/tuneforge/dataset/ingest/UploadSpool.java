package io.tuneforge.dataset.ingest;

import io.tuneforge.dataset.validation.input.CountingInputStream;
import io.tuneforge.dataset.domain.ExamplePages;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

/**
 * The file a version is validated from, spooled to a local temporary file while it is being ingested: the
 * validation engine streams it once, then it is streamed again into storage. The file is deleted when the
 * ingestion ends (it is scratch space, never the stored content: that lives in the database), and neither
 * pass holds the upload in memory.
 */
final class UploadSpool implements AutoCloseable {

    private final Path file;
    private final long uploadedBytes;
    private final long firstUploadedLine;

    private UploadSpool(Path file, long uploadedBytes, long firstUploadedLine) {
        this.file = file;
        this.uploadedBytes = uploadedBytes;
        this.firstUploadedLine = firstUploadedLine;
    }

    /** The upload as it was sent (plain or gzip), at most the content limit as sent. */
    static UploadSpool of(InputStream upload, ContentBounds bounds) throws IOException {
        Path file = Files.createTempFile("tuneforge-upload-", ".jsonl");
        try {
            CountingInputStream counted = new CountingInputStream(upload);
            Files.copy(bounds.bodyLimited(counted), file, StandardCopyOption.REPLACE_EXISTING);
            return new UploadSpool(file, counted.count(), 1);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** A file already written (an import's output, a redacted copy): owned, and deleted, by the spool. */
    static UploadSpool ofFile(Path file, long uploadedBytes) {
        return new UploadSpool(file, uploadedBytes, 1);
    }

    /**
     * The parent version's examples, one per line in their order, followed by the upload's lines (gunzipped):
     * the file an appended version is validated as a whole from. The upload is decompressed only up to the content
     * limit (the whole file's bounds are checked afterwards, as for any upload).
     */
    static UploadSpool appending(String parentVersionId, InputStream upload, ContentBounds bounds) throws IOException {
        Path file = Files.createTempFile("tuneforge-append-", ".jsonl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            long[] lines = {0};
            ExamplePages.forEach(parentVersionId, null, example -> {
                out.write(example.content.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                lines[0]++;
            });
            CountingInputStream counted = new CountingInputStream(upload);
            try (InputStream content = bounds.sizeLimited(decompressed(bounds.bodyLimited(counted)))) {
                content.transferTo(out);
            }
            return new UploadSpool(file, counted.count(), lines[0] + 1);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** Bytes of the request body as received (compressed when it was gzip). */
    long uploadedBytes() {
        return uploadedBytes;
    }

    /** The first line of {@link #content()} that came from the upload: 1, or after the parent's lines. */
    long firstUploadedLine() {
        return firstUploadedLine;
    }

    /** The text to store: gunzipped when it was sent gzip-compressed (recognised by its magic bytes). */
    InputStream content() throws IOException {
        return decompressed(Files.newInputStream(file));
    }

    /** {@code raw} gunzipped when it is gzip (recognised by its magic bytes), else as it is; buffered. */
    static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
