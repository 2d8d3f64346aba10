package io.tuneforge.simulator.files;

import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.api.ApiException;
import io.tuneforge.simulator.storage.Identifiers;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
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

    public UploadSessions(SimulatorState state, SimulatorConfig config, FileCatalog files) {
        this.state = state;
        this.config = config;
        this.files = files;
    }

    public Upload create(String filename, String purpose, Long bytes, String mimeType) {
        if (filename == null || filename.isBlank()) {
            throw ApiException.missing("filename");
        }
        if (purpose == null || purpose.isBlank()) {
            throw ApiException.missing("purpose");
        }
        if (bytes == null) {
            throw ApiException.missing("bytes");
        }
        if (mimeType == null || mimeType.isBlank()) {
            throw ApiException.missing("mime_type");
        }
        if (!FileCatalog.PURPOSES.contains(purpose)) {
            throw ApiException.invalid("Invalid value for 'purpose': '" + purpose + "'.", "purpose");
        }
        if (bytes <= 0 || bytes > config.limits().maxUploadBytes()) {
            throw ApiException.invalid("Invalid 'bytes': " + bytes + ". An upload must be between 1 and "
                    + config.limits().maxUploadBytes() + " bytes.", "bytes");
        }
        long now = Instant.now().getEpochSecond();
        Upload upload = new Upload(Identifiers.next("upload_"), "upload", bytes, now, filename, purpose, "pending",
                now + EXPIRY.toSeconds(), null, List.of());
        state.uploads.put(upload.id(), upload);
        state.changed();
        return upload;
    }

    public synchronized UploadPart addPart(String uploadId, byte[] data) {
        Upload upload = pending(uploadId);
        if (data == null || data.length == 0) {
            throw ApiException.missing("data");
        }
        if (data.length > config.limits().maxUploadPartBytes()) {
            throw ApiException.invalid("Part is too large: " + data.length + " bytes; each part may be at most "
                    + config.limits().maxUploadPartBytes() + " bytes.", "data");
        }
        UploadPart part = new UploadPart(Identifiers.next("part_"), "upload.part", Instant.now().getEpochSecond(), uploadId);
        state.parts.put(part.id(), data);
        state.writeBlob(part.id(), data);
        List<String> ids = new ArrayList<>(upload.partIds());
        ids.add(part.id());
        state.uploads.put(uploadId, upload.withStatus("pending", null, List.copyOf(ids)));
        state.changed();
        return part;
    }

    public synchronized Upload complete(String uploadId, List<String> partIds) {
        Upload upload = pending(uploadId);
        if (partIds == null || partIds.isEmpty()) {
            throw ApiException.missing("part_ids");
        }
        ByteArrayOutputStream assembled = new ByteArrayOutputStream();
        for (String id : partIds) {
            byte[] data = upload.partIds().contains(id) ? state.parts.get(id) : null;
            if (data == null) {
                throw ApiException.invalid("Part " + id + " does not belong to upload " + uploadId + ".", "part_ids");
            }
            assembled.writeBytes(data);
        }
        byte[] content = assembled.toByteArray();
        if (content.length != upload.bytes()) {
            throw ApiException.invalid("The parts add up to " + content.length + " bytes, but the upload was created with bytes="
                    + upload.bytes() + ".", "part_ids");
        }
        files.check(upload.filename(), upload.purpose(), content);
        StoredFile file = files.store(upload.filename(), upload.purpose(), content);
        upload.partIds().forEach(p -> {
            state.parts.remove(p);
            state.deleteBlob(p);
        });
        Upload done = upload.withStatus("completed", file, List.of());
        state.uploads.put(uploadId, done);
        state.changed();
        return done;
    }

    public synchronized Upload cancel(String uploadId) {
        Upload upload = pending(uploadId);
        upload.partIds().forEach(p -> {
            state.parts.remove(p);
            state.deleteBlob(p);
        });
        Upload cancelled = upload.withStatus("cancelled", null, List.of());
        state.uploads.put(uploadId, cancelled);
        state.changed();
        return cancelled;
    }

    private Upload pending(String uploadId) {
        Upload upload = state.uploads.get(uploadId);
        if (upload == null) {
            throw ApiException.notFound("No such Upload object: " + uploadId, "upload_id");
        }
        if (!upload.status().equals("pending")) {
            throw ApiException.invalid("Upload " + uploadId + " is already " + upload.status() + ".", "upload_id");
        }
        if (Instant.now().getEpochSecond() > upload.expiresAt()) {
            state.uploads.put(uploadId, upload.withStatus("expired", null, List.of()));
            throw ApiException.invalid("Upload " + uploadId + " has expired.", "upload_id");
        }
        return upload;
    }
}
