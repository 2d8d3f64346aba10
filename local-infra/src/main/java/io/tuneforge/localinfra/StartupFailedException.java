package io.tuneforge.localinfra;

import java.nio.file.Path;

/** A local server did not come up; the message names the server, the reason and its log file. */
public class StartupFailedException extends RuntimeException {

    private final Path logFile;

    public StartupFailedException(String what, String reason, Path logFile, Throwable cause) {
        super(what + " did not start: " + reason + "\n  log: " + logFile + LogTail.describe(logFile), cause);
        this.logFile = logFile;
    }

    public Path logFile() {
        return logFile;
    }
}
