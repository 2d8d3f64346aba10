package io.tuneforge.dataset.validation.format;

/** A line that is not one JSON value; {@code column} is 1-based, counted in the line's bytes or chars. */
public final class InvalidJsonException extends Exception {
    private final int column;

    public InvalidJsonException(String message, int column) {
        super(message, null, false, false);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
