package io.tuneforge.simulator.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.simulator.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The optional folder that lets the simulator survive a restart: metadata in one JSON snapshot,
 * file contents as separate blobs written when they arrive.
 */
@ApplicationScoped
public class DataFolder {

    private final Optional<Path> root;
    private final ObjectMapper json;

    public DataFolder(SimulatorConfig config, ObjectMapper json) {
        this.root = config.dataDir();
        this.json = json;
        root.ifPresent(r -> {
            try {
                Files.createDirectories(r.resolve("blobs"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data folder " + r, e);
            }
        });
    }

    public boolean enabled() {
        return root.isPresent();
    }

    public void writeBlob(String name, byte[] content) {
        root.ifPresent(r -> atomicWrite(r.resolve("blobs").resolve(name), content));
    }

    public Optional<byte[]> readBlob(String name) {
        return root.map(r -> r.resolve("blobs").resolve(name)).filter(Files::exists).map(p -> {
            try {
                return Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public void deleteBlob(String name) {
        root.ifPresent(r -> {
            try {
                Files.deleteIfExists(r.resolve("blobs").resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
