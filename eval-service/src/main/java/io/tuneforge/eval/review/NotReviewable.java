package io.tuneforge.eval.review;

/** A run whose answers cannot be reviewed (yet, or at all); {@link #getMessage()} says why and what to do. */
public class NotReviewable extends RuntimeException {

    private final String title;

    public NotReviewable(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
