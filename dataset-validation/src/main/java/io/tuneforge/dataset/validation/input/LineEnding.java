package io.tuneforge.dataset.validation.input;

/** How a line was terminated. Node's readline and Python text mode split on all three. */
public enum LineEnding {
    LF,
    CRLF,
    CR,
    /** Last line of a file that does not end with a newline. */
    END_OF_FILE
}
