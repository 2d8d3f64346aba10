package io.tuneforge.dataset.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A problem found in an upload.
 *
 * @param severity {@code error} (the version is rejected) or {@code warning}
 * @param code     stable machine-readable code, e.g. {@code invalid_json}
 * @param line     1-based line of the upload; 0 for the file as a whole
 * @param message  what is wrong and how to fix it
 */
public record UploadFinding(String severity, String code, long line, String message) {

    public static UploadFinding error(String code, long line, String message) {
        return new UploadFinding("error", code, line, message);
    }

    public static UploadFinding warning(String code, long line, String message) {
        return new UploadFinding("warning", code, line, message);
    }

    @JsonIgnore
    public boolean isError() {
        return "error".equals(severity);
    }
}
