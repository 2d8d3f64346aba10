package io.tuneforge.dataset.ingest;

import io.tuneforge.dataset.validation.input.CountingInputStream;
import io.tuneforge.dataset.domain.ExamplePages;
import io.tuneforge.dataset.validation.format.DatasetKind;
import io.tuneforge.dataset.validation.imports.DatasetImporter;
import io.tuneforge.dataset.validation.imports.ImportException;
import io.tuneforge.dataset.validation.imports.ImportResult;
import io.tuneforge.dataset.validation.imports.SourceFormat;
import io.tuneforge.dataset.validation.pii.PiiRedactor;
import io.tuneforge.dataset.validation.pii.RedactionResult;
import io.tuneforge.dataset.domain.DatasetRefusal;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a version is made from other than the upload itself, each written to a scratch file by a streaming pass of
 * the dataset-validation engine: an upload converted from another tool's format ({@link DatasetImporter}), and a
 * stored version with its personal data replaced by typed placeholders ({@link PiiRedactor}).
 */
@ApplicationScoped
public class SourceConversions {

    private final PiiRedactor redactor = new PiiRedactor();

    /** The converted JSONL, the importer's report, and the bytes of the upload as sent. */
    public record Imported(Path file, ImportResult result, long uploadedBytes) {
    }

    /** The redacted copy and what was replaced. */
    public record Redacted(Path file, RedactionResult result) {
    }

    /**
     * Converts an upload to OpenAI JSONL. {@code format} null detects it from the first recognisable record.
     * A file with nothing to convert, or whose examples do not fit the dataset's method, is refused (422).
     */
    Imported importUpload(InputStream upload, SourceFormat format, String method, ContentBounds bounds) throws IOException {
        DatasetImporter importer = new DatasetImporter(bounds.maxLineBytes());
        Path file = Files.createTempFile("tuneforge-import-", ".jsonl");
        try {
            CountingInputStream counted = new CountingInputStream(upload);
            ImportResult result;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                // Decompressed here, up to the content limit, so a gzip bomb stops there; the line bounds apply to the
                // converted JSONL (the source may be one JSON array on one line, read a record at a time).
                result = importer.convert(bounds.sizeLimited(UploadSpool.decompressed(bounds.bodyLimited(counted))), out, format);
            } catch (ImportException e) {
                throw DatasetRefusal.unprocessable("Nothing to import", e.getMessage()
                        + ". Pick the format with ?import=alpaca|sharegpt|chosen_rejected|prompt_completion, or upload "
                        + "OpenAI JSONL without ?import.");
            }
            DatasetKind expected = "dpo".equals(method) ? DatasetKind.PREFERENCE : DatasetKind.CHAT;
            if (result.outputKind() != expected) {
                throw DatasetRefusal.unprocessable("Import does not fit the dataset", "The file was read as "
                        + result.sourceFormat().label() + ", which becomes " + (result.outputKind() == DatasetKind.PREFERENCE
                        ? "preference (DPO)" : "supervised chat") + " examples, but this dataset's method is " + method
                        + ". Import it into a dataset created with method " + (expected == DatasetKind.PREFERENCE ? "supervised" : "dpo") + ".");
            }
            return new Imported(file, result, counted.count());
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Streams the version's examples through the redactor into a scratch file. */
    Redacted redactVersion(String versionId) throws IOException {
        Path original = Files.createTempFile("tuneforge-unredacted-", ".jsonl");
        Path file = Files.createTempFile("tuneforge-redacted-", ".jsonl");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(original), 1 << 16)) {
                ExamplePages.forEach(versionId, null, example -> {
                    out.write(example.content.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                });
            }
            RedactionResult result;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(original), 1 << 16);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                result = redactor.redact(in, out);
            }
            return new Redacted(file, result);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            Files.deleteIfExists(original);
        }
    }
}
