package io.tuneforge.dataset.domain;

/**
 * What this service refuses to do, said in the domain's terms: the thing is not there (or is another
 * tenant's, which must look the same), the request does not fit the state it finds, the content cannot
 * be used, or the input is not what was asked for. Domain code throws it; the api package's
 * {@code DomainProblems} turns it into problem+json, the one place that knows about HTTP.
 */
public final class DatasetRefusal extends RuntimeException {

    public enum Kind {
        /** absent, or owned by another tenant */
        NOT_FOUND,
        /** the request does not fit the current state (a version being built, a pair already used) */
        CONFLICT,
        /** readable, but it cannot become what was asked (an import of the other method) */
        UNPROCESSABLE,
        /** the input itself is wrong (empty, unreadable) */
        INVALID
    }

    private final Kind kind;
    private final String title;
    private final String detail;

    private DatasetRefusal(Kind kind, String title, String detail) {
        super(title + ": " + detail);
        this.kind = kind;
        this.title = title;
        this.detail = detail;
    }

    /** @param what e.g. {@code Dataset version}; {@code id} what the caller named */
    public static DatasetRefusal notFound(String what, String id) {
        return new DatasetRefusal(Kind.NOT_FOUND, what, id);
    }

    public static DatasetRefusal conflict(String title, String detail) {
        return new DatasetRefusal(Kind.CONFLICT, title, detail);
    }

    public static DatasetRefusal unprocessable(String title, String detail) {
        return new DatasetRefusal(Kind.UNPROCESSABLE, title, detail);
    }

    public static DatasetRefusal invalid(String title, String detail) {
        return new DatasetRefusal(Kind.INVALID, title, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** For NOT_FOUND, what was looked for. */
    public String title() {
        return title;
    }

    /** For NOT_FOUND, the id the caller named. */
    public String detail() {
        return detail;
    }
}
