package io.tuneforge.events.dataset;

import io.tuneforge.events.EventPayload;

import java.util.List;

/**
 * A dataset version failed validation; nothing downstream should train on it.
 *
 * @param datasetId  the dataset
 * @param versionId  the rejected version
 * @param version    its sequence number within the dataset
 * @param name       the dataset's display name
 * @param errorCount total errors found
 * @param topErrors  the first errors, each with its line, so a user can act on the event alone
 */
public record DatasetRejected(
        String datasetId,
        String versionId,
        int version,
        String name,
        long errorCount,
        List<LineError> topErrors) implements EventPayload {

    public DatasetRejected {
        topErrors = List.copyOf(topErrors);
    }

    @Override
    public String subject() {
        return datasetId;
    }

    /** An error at a line of the uploaded file (1-based; 0 when it concerns the file as a whole). */
    public record LineError(String code, long line, String message) {
    }
}
