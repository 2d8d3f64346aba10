package io.tuneforge.simulator.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.api.OpenAiErrorException;
import io.tuneforge.simulator.storage.Identifiers;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import io.tuneforge.simulator.storage.DataFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Files of the organization: accepted with OpenAI's server-side checks, listed, read and deleted. */
@ApplicationScoped
public class FileCatalog {

    public static final List<String> PURPOSES = List.of("fine-tune", "assistants", "batch", "vision", "user_data", "evals");

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final ObjectMapper json;
    private final DataFolder folder;

    public FileCatalog(SimulatorState state, SimulatorConfig config, ObjectMapper json, DataFolder folder) {
        this.state = state;
        this.folder = folder;
        this.config = config;
        this.json = json;
    }

    /** Accepts an uploaded file (already on disk) after OpenAI's checks, reading it as a stream. */
    public StoredFile add(String filename, String purpose, Path uploaded, String organization) {
        String id = Identifiers.next("file-");
        try (InputStream in = Files.newInputStream(uploaded)) {
            folder.writeBlob(id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accept(id, filename, purpose, organization);
    }

    /** Checks blob {@code id} as an uploaded file and records it; the blob is deleted when it fails a check. */
    public StoredFile accept(String id, String filename, String purpose, String organization) {
        try {
            check(filename, purpose, id);
        } catch (RuntimeException e) {
            folder.deleteBlob(id);
            throw e;
        }
        long size = folder.blobPath(id).map(FileCatalog::size).orElse(0L);
        return record(StoredFile.processed(id, size, Instant.now().getEpochSecond(), filename, purpose), organization);
    }

    /** Stores a file the simulator itself produced (result files), bypassing upload checks. */
    public StoredFile store(String filename, String purpose, byte[] content, String organization) {
        StoredFile file = StoredFile.processed(Identifiers.next("file-"), content.length, Instant.now().getEpochSecond(), filename, purpose);
        folder.writeBlob(file.id(), content);
        return record(file, organization);
    }

    private StoredFile record(StoredFile file, String organization) {
        state.fileOwners.put(file.id(), organization);
        state.files.put(file.id(), file);
        state.changed();
        return file;
    }

    private void check(String filename, String purpose, String blob) {
        if (purpose == null || purpose.isBlank()) {
            throw OpenAiErrorException.missing("purpose");
        }
        if (!PURPOSES.contains(purpose)) {
            throw OpenAiErrorException.invalid("Invalid value for 'purpose': '" + purpose + "'. Supported values are: 'fine-tune', "
                    + "'assistants', 'batch', 'vision', 'user_data' and 'evals'.", "purpose");
        }
        long length = folder.blobPath(blob).map(FileCatalog::size).orElse(0L);
        if (length == 0) {
            throw OpenAiErrorException.invalid("File is empty.", "file", "empty_file");
        }
        if (length > config.limits().maxFileBytes()) {
            throw OpenAiErrorException.invalid("File is too large: " + length + " bytes exceeds the limit of "
                    + config.limits().maxFileBytes() + " bytes. Use the Uploads API for large files.", "file", "file_too_large");
        }
        if (purpose.equals("fine-tune") || purpose.equals("batch")) {
            if (filename == null || !filename.toLowerCase().endsWith(".jsonl")) {
                throw OpenAiErrorException.invalid("Invalid file format for Fine-Tuning API. Must be .jsonl", "file", "invalid_file_format");
            }
            checkJsonLines(folder.blobPath(blob).orElseThrow());
        }
    }

    /** One JSON object per line, as OpenAI requires before accepting a fine-tune file; read line by line from disk. */
    private void checkJsonLines(Path content) {
        try (BufferedReader reader = Files.newBufferedReader(content, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                boolean object;
                try {
                    object = json.readTree(text).isObject();
                } catch (IOException e) {
                    object = false;
                }
                if (!object) {
                    throw OpenAiErrorException.invalid("Invalid file format. Line " + line
                            + " is not a valid JSON object: every line of a .jsonl file must be one JSON object.", "file", "invalid_file_format");
                }
            }
        } catch (IOException e) {
            throw OpenAiErrorException.invalid("File could not be read as UTF-8 text.", "file", "invalid_file_format");
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The organization's file; another organization's is "no such file", as OpenAI answers. */
    public StoredFile get(String id, String organization) {
        StoredFile file = find(id, organization).orElse(null);
        if (file == null) {
            throw OpenAiErrorException.notFound("No such File object: " + id, "id");
        }
        return file;
    }

    public Optional<StoredFile> find(String id, String organization) {
        return Optional.ofNullable(state.files.get(id)).filter(f -> organization.equals(owner(f.id())));
    }

    /** Files stored before owners were recorded belong to the default organization. */
    private String owner(String fileId) {
        return state.fileOwners.getOrDefault(fileId, config.organization());
    }

    /** The file's bytes on disk, streamed to the caller rather than read into memory. */
    public Path content(String id, String organization) {
        get(id, organization);
        return folder.blobPath(id).orElseThrow(() -> OpenAiErrorException.notFound("No content stored for file " + id, "id"));
    }

    /** The file's bytes, for the job runner's validation (bounded by max-file-bytes); the job's organization was checked at creation. */
    public Optional<byte[]> bytes(String id) {
        return Optional.ofNullable(state.files.get(id)).flatMap(f -> folder.readBlob(id));
    }

    public List<StoredFile> list(String purpose, String order, String organization) {
        List<StoredFile> all;
        synchronized (state.files) {
            all = new ArrayList<>(state.files.values());
        }
        all.removeIf(f -> !organization.equals(owner(f.id())) || purpose != null && !purpose.isBlank() && !f.purpose().equals(purpose));
        Comparator<StoredFile> byTime = Comparator.comparingLong(StoredFile::createdAt);
        all.sort("asc".equals(order) ? byTime : byTime.reversed());
        return all;
    }

    public Map<String, Object> delete(String id, String organization) {
        get(id, organization);
        state.files.remove(id);
        state.fileOwners.remove(id);
        folder.deleteBlob(id);
        state.changed();
        return Map.of("id", id, "object", "file", "deleted", true);
    }
}
