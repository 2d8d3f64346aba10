package io.tuneforge.simulator.files;

/** A file as OpenAI describes it (the `file` object). */
public record StoredFile(
        String id,
        String object,
        long bytes,
        long createdAt,
        Long expiresAt,
        String filename,
        String purpose,
        String status,
        String statusDetails) {

    public static StoredFile processed(String id, long bytes, long createdAt, String filename, String purpose) {
        return new StoredFile(id, "file", bytes, createdAt, null, filename, purpose, "processed", null);
    }
}
