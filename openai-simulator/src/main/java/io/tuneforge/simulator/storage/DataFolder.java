package io.tuneforge.simulator.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.simulator.SimulatorConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the simulator keeps what it holds: metadata in one JSON snapshot (only with a data folder, so it
 * survives a restart) and file contents as blobs on disk, always. Blobs never live in the heap: a 512 MB
 * file on a 256 MB heap must not take the simulator down. Without a data folder the blobs go to a
 * temporary folder that is deleted at shutdown.
 */
@ApplicationScoped
public class DataFolder {

    private final Optional<Path> root;
    private final Path blobs;
    private final boolean temporary;
    private final ObjectMapper json;

    public DataFolder(SimulatorConfig config, ObjectMapper json) {
        this.root = config.dataDir();
        this.json = json;
        this.temporary = root.isEmpty();
        try {
            this.blobs = root.isPresent() ? Files.createDirectories(root.get().resolve("blobs"))
                    : Files.createTempDirectory("tuneforge-simulator-blobs");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator's blob folder", e);
        }
    }

    /** Whether state survives a restart (a data folder is configured). */
    public boolean enabled() {
        return root.isPresent();
    }

    public void writeBlob(String name, byte[] content) {
        atomicWrite(blob(name), content);
    }

    /** Stores a blob from a stream, without holding it in memory. */
    public long writeBlob(String name, InputStream content) {
        Path target = blob(name);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            long size = Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Concatenates blobs into a new one (an upload's parts into its file), streaming. */
    public long concatenate(String name, List<String> parts) {
        Path target = blob(name);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            long size = 0;
            for (String part : parts) {
                size += Files.copy(blob(part), out);
            }
            out.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    public boolean hasBlob(String name) {
        return Files.exists(blob(name));
    }

    /** The blob's path, for streaming it out (a file download). */
    public Optional<Path> blobPath(String name) {
        return Optional.of(blob(name)).filter(Files::exists);
    }

    public Optional<byte[]> readBlob(String name) {
        return blobPath(name).map(p -> {
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public void deleteBlob(String name) {
        try {
            Files.deleteIfExists(blob(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every blob (admin reset). */
    public void clearBlobs() {
        try (Stream<Path> all = Files.list(blobs)) {
            all.forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeSnapshot(Snapshot snapshot) {
        root.ifPresent(r -> {
            try {
                atomicWrite(r.resolve("state.json"), json.writeValueAsBytes(snapshot));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public Optional<Snapshot> readSnapshot() {
        return root.map(r -> r.resolve("state.json")).filter(Files::exists).map(p -> {
            try {
                return json.readValue(p.toFile(), Snapshot.class);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable simulator state " + p, e);
            }
        });
    }

    @PreDestroy
    void removeTemporary() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> all = Files.walk(blobs)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private Path blob(String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a blob name: " + name);
        }
        return blobs.resolve(name);
    }

    private static void atomicWrite(Path target, byte[] content) {
        try {
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
