package io.tuneforge.simulator.files;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file as OpenAI describes it (the `file` object). {@code expires_at} and {@code status_details} are left
 * out when they have no value: the SDKs type them as an optional number and string, not as nullable.
 */
public record StoredFile(
        String id,
        String object,
        long bytes,
        long createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long expiresAt,
        String filename,
        String purpose,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String statusDetails) {

    public static StoredFile processed(String id, long bytes, long createdAt, String filename, String purpose) {
        return new StoredFile(id, "file", bytes, createdAt, null, filename, purpose, "processed", null);
    }
}
