package io.tuneforge.simulator.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.api.ApiException;
import io.tuneforge.simulator.storage.Identifiers;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
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

    public FileCatalog(SimulatorState state, SimulatorConfig config, ObjectMapper json) {
        this.state = state;
        this.config = config;
        this.json = json;
    }

    public StoredFile add(String filename, String purpose, byte[] content) {
        check(filename, purpose, content);
        return store(filename, purpose, content);
    }

    /** Stores a file the simulator itself produced (result files), bypassing upload checks. */
    public StoredFile store(String filename, String purpose, byte[] content) {
        StoredFile file = StoredFile.processed(Identifiers.next("file-"), content.length, Instant.now().getEpochSecond(), filename, purpose);
        state.contents.put(file.id(), content);
        state.writeBlob(file.id(), content);
        state.files.put(file.id(), file);
        state.changed();
        return file;
    }

    public void check(String filename, String purpose, byte[] content) {
        if (purpose == null || purpose.isBlank()) {
            throw ApiException.missing("purpose");
        }
        if (!PURPOSES.contains(purpose)) {
            throw ApiException.invalid("Invalid value for 'purpose': '" + purpose + "'. Supported values are: 'fine-tune', "
                    + "'assistants', 'batch', 'vision', 'user_data' and 'evals'.", "purpose");
        }
        if (content.length == 0) {
            throw ApiException.invalid("File is empty.", "file", "empty_file");
        }
        if (content.length > config.limits().maxFileBytes()) {
            throw ApiException.invalid("File is too large: " + content.length + " bytes exceeds the limit of "
                    + config.limits().maxFileBytes() + " bytes. Use the Uploads API for large files.", "file", "file_too_large");
        }
        if (purpose.equals("fine-tune") || purpose.equals("batch")) {
            if (filename == null || !filename.toLowerCase().endsWith(".jsonl")) {
                throw ApiException.invalid("Invalid file format for Fine-Tuning API. Must be .jsonl", "file", "invalid_file_format");
            }
            checkJsonLines(content);
        }
    }

    /** One JSON object per line, as OpenAI requires before accepting a fine-tune file. */
    private void checkJsonLines(byte[] content) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
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
                    throw ApiException.invalid("Invalid file format. Line " + line
                            + " is not a valid JSON object: every line of a .jsonl file must be one JSON object.", "file", "invalid_file_format");
                }
            }
        } catch (IOException e) {
            throw ApiException.invalid("File could not be read as UTF-8 text.", "file", "invalid_file_format");
        }
    }

    public StoredFile get(String id) {
        StoredFile file = state.files.get(id);
        if (file == null) {
            throw ApiException.notFound("No such File object: " + id, "id");
        }
        return file;
    }

    public Optional<StoredFile> find(String id) {
        return Optional.ofNullable(state.files.get(id));
    }

    public byte[] content(String id) {
        get(id);
        byte[] content = state.contents.get(id);
        if (content == null) {
            throw ApiException.notFound("No content stored for file " + id, "id");
        }
        return content;
    }

    public List<StoredFile> list(String purpose, String order) {
        List<StoredFile> all;
        synchronized (state.files) {
            all = new ArrayList<>(state.files.values());
        }
        all.removeIf(f -> purpose != null && !purpose.isBlank() && !f.purpose().equals(purpose));
        Comparator<StoredFile> byTime = Comparator.comparingLong(StoredFile::createdAt);
        all.sort("asc".equals(order) ? byTime : byTime.reversed());
        return all;
    }

    public Map<String, Object> delete(String id) {
        get(id);
        state.files.remove(id);
        state.contents.remove(id);
        state.deleteBlob(id);
        state.changed();
        return Map.of("id", id, "object", "file", "deleted", true);
    }
}
