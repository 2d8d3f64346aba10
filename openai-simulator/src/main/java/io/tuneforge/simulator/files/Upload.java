package io.tuneforge.simulator.files;

import java.util.List;

/** An Uploads API session; `file` is set once it is completed. */
public record Upload(
        String id,
        String object,
        long bytes,
        long createdAt,
        String filename,
        String purpose,
        String status,
        long expiresAt,
        StoredFile file,
        List<String> partIds) {

    public Upload withStatus(String newStatus, StoredFile newFile, List<String> parts) {
        return new Upload(id, object, bytes, createdAt, filename, purpose, newStatus, expiresAt, newFile, parts);
    }
}
