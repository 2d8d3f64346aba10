package io.tuneforge.dataset.validation.input;

import java.io.IOException;

/** The gzip layer failed: the upload is truncated or corrupt, which is a finding, not a server fault. */
public final class CompressedInputCorruptException extends IOException {
    public CompressedInputCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
