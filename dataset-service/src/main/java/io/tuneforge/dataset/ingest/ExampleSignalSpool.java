package io.tuneforge.dataset.ingest;

import io.tuneforge.dataset.validation.ExampleSignals;
import io.tuneforge.dataset.validation.format.DatasetKind;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The validator's per-example signals (tokens, fingerprints, category), written to a scratch file during the
 * validation pass and read back in the same order by the storage pass, so the stored content is never parsed
 * or tokenized a second time and memory does not grow with the upload. Deleted on close.
 */
final class ExampleSignalSpool implements AutoCloseable {

    private static final DatasetKind[] KINDS = DatasetKind.values();

    private final Path file;
    private final DataOutputStream out;

    ExampleSignalSpool() throws IOException {
        this.file = Files.createTempFile("tuneforge-signals-", ".bin");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    void write(ExampleSignals s) throws IOException {
        out.writeLong(s.line());
        out.writeByte(s.kind().ordinal());
        out.writeInt(s.tokens());
        out.writeLong(s.fingerprint());
        out.writeLong(s.promptFingerprint());
        out.writeLong(s.nearText());
        writeString(s.category());
        out.writeBoolean(s.clean());
        writeString(s.normalizedContent());
    }

    /** Ends writing; the signals can then be read (once per reader). */
    void finish() throws IOException {
        out.close();
    }

    Reader read() throws IOException {
        return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
    }

    private void writeString(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static final class Reader implements AutoCloseable {
        private final DataInputStream in;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next example's signals, or null after the last. */
        ExampleSignals next() throws IOException {
            long line;
            try {
                line = in.readLong();
            } catch (EOFException end) {
                return null;
            }
            return new ExampleSignals(line, KINDS[in.readByte()], in.readInt(), in.readLong(), in.readLong(), in.readLong(),
                    readString(), in.readBoolean(), readString());
        }

        private String readString() throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
