package io.tuneforge.eval.review;

/** A verdict that cannot be recorded as sent; {@link #getMessage()} says what to send instead. */
public class InvalidVerdict extends RuntimeException {

    private final String title;

    public InvalidVerdict(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
