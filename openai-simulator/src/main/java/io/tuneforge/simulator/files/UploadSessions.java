package io.tuneforge.simulator.files;

import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.api.OpenAiErrorException;
import io.tuneforge.simulator.storage.DataFolder;
import io.tuneforge.simulator.storage.Identifiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Uploads API: a large file sent in parts, assembled into one file on completion. */
@ApplicationScoped
public class UploadSessions {

    private static final Duration EXPIRY = Duration.ofHours(1);

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final FileCatalog files;
    private final DataFolder folder;

    public UploadSessions(SimulatorState state, SimulatorConfig config, FileCatalog files, DataFolder folder) {
        this.folder = folder;
        this.state = state;
        this.config = config;
        this.files = files;
    }

    public Upload create(String filename, String purpose, Long bytes, String mimeType, String organization) {
        if (filename == null || filename.isBlank()) {
            throw OpenAiErrorException.missing("filename");
        }
        if (purpose == null || purpose.isBlank()) {
            throw OpenAiErrorException.missing("purpose");
        }
        if (bytes == null) {
            throw OpenAiErrorException.missing("bytes");
        }
        if (mimeType == null || mimeType.isBlank()) {
            throw OpenAiErrorException.missing("mime_type");
        }
        if (!FileCatalog.PURPOSES.contains(purpose)) {
            throw OpenAiErrorException.invalid("Invalid value for 'purpose': '" + purpose + "'.", "purpose");
        }
        if (bytes <= 0 || bytes > config.limits().maxUploadBytes()) {
            throw OpenAiErrorException.invalid("Invalid 'bytes': " + bytes + ". An upload must be between 1 and "
                    + config.limits().maxUploadBytes() + " bytes.", "bytes");
        }
        long now = Instant.now().getEpochSecond();
        Upload upload = new Upload(Identifiers.next("upload_"), "upload", bytes, now, filename, purpose, "pending",
                now + EXPIRY.toSeconds(), null, List.of());
        state.uploadOwners.put(upload.id(), organization);
        state.uploads.put(upload.id(), upload);
        state.changed();
        return upload;
    }

    public synchronized UploadPart addPart(String uploadId, Path data, String organization) {
        Upload upload = pending(uploadId, organization);
        long length = data == null ? 0 : size(data);
        if (length == 0) {
            throw OpenAiErrorException.missing("data");
        }
        if (length > config.limits().maxUploadPartBytes()) {
            throw OpenAiErrorException.invalid("Part is too large: " + length + " bytes; each part may be at most "
                    + config.limits().maxUploadPartBytes() + " bytes.", "data");
        }
        UploadPart part = new UploadPart(Identifiers.next("part_"), "upload.part", Instant.now().getEpochSecond(), uploadId);
        try (InputStream in = Files.newInputStream(data)) {
            folder.writeBlob(part.id(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> ids = new ArrayList<>(upload.partIds());
        ids.add(part.id());
        state.uploads.put(uploadId, upload.withStatus("pending", null, List.copyOf(ids)));
        state.changed();
        return part;
    }

    public synchronized Upload complete(String uploadId, List<String> partIds, String organization) {
        Upload upload = pending(uploadId, organization);
        if (partIds == null || partIds.isEmpty()) {
            throw OpenAiErrorException.missing("part_ids");
        }
        for (String id : partIds) {
            if (!upload.partIds().contains(id) || !folder.hasBlob(id)) {
                throw OpenAiErrorException.invalid("Part " + id + " does not belong to upload " + uploadId + ".", "part_ids");
            }
        }
        String fileId = Identifiers.next("file-");
        long assembled = folder.concatenate(fileId, partIds);
        if (assembled != upload.bytes()) {
            folder.deleteBlob(fileId);
            throw OpenAiErrorException.invalid("The parts add up to " + assembled + " bytes, but the upload was created with bytes="
                    + upload.bytes() + ".", "part_ids");
        }
        StoredFile file = files.accept(fileId, upload.filename(), upload.purpose(), organization);
        upload.partIds().forEach(folder::deleteBlob);
        Upload done = upload.withStatus("completed", file, List.of());
        state.uploads.put(uploadId, done);
        state.changed();
        return done;
    }

    public synchronized Upload cancel(String uploadId, String organization) {
        Upload upload = pending(uploadId, organization);
        upload.partIds().forEach(folder::deleteBlob);
        Upload cancelled = upload.withStatus("cancelled", null, List.of());
        state.uploads.put(uploadId, cancelled);
        state.changed();
        return cancelled;
    }

    private Upload pending(String uploadId, String organization) {
        Upload upload = state.uploads.get(uploadId);
        if (upload == null || !organization.equals(state.uploadOwners.getOrDefault(uploadId, config.organization()))) {
            throw OpenAiErrorException.notFound("No such Upload object: " + uploadId, "upload_id");
        }
        if (!upload.status().equals("pending")) {
            throw OpenAiErrorException.invalid("Upload " + uploadId + " is already " + upload.status() + ".", "upload_id");
        }
        if (Instant.now().getEpochSecond() > upload.expiresAt()) {
            expire(upload);
            throw OpenAiErrorException.invalid("Upload " + uploadId + " has expired.", "upload_id");
        }
        return upload;
    }

    /**
     * Expires every pending upload past its hour and deletes its parts, so abandoned uploads do not keep
     * disk for ever; run by {@link io.tuneforge.simulator.runtime.Housekeeping}.
     */
    public synchronized int expireAbandoned() {
        long now = Instant.now().getEpochSecond();
        List<Upload> due = state.uploads.values().stream().filter(u -> u.status().equals("pending") && now > u.expiresAt()).toList();
        due.forEach(this::expire);
        return due.size();
    }

    private void expire(Upload upload) {
        upload.partIds().forEach(folder::deleteBlob);
        state.uploads.put(upload.id(), upload.withStatus("expired", null, List.of()));
        state.changed();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
