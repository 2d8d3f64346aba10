package io.tuneforge.dataset.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The upload spooled to a local temporary file while it is being ingested: the validation engine
 * streams it once, then it is streamed again into storage. The file is deleted when the ingestion
 * ends (it is scratch space, never the stored content: that lives in the database), and neither
 * pass holds the upload in memory.
 */
final class UploadSpool implements AutoCloseable {

    private final Path file;

    private UploadSpool(Path file) {
        this.file = file;
    }

    static UploadSpool of(InputStream upload) throws IOException {
        Path file = Files.createTempFile("tuneforge-upload-", ".jsonl");
        try {
            Files.copy(upload, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new UploadSpool(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** The upload's text: gunzipped when it was sent gzip-compressed (recognised by its magic bytes). */
    InputStream content() throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
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
