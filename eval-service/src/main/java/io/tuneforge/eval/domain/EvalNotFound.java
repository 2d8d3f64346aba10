package io.tuneforge.eval.domain;

/** No such object for the calling tenant (another tenant's is not found either). */
public class EvalNotFound extends RuntimeException {

    private final String kind;
    private final String id;

    /** @param kind what was looked for, as people name it ("evaluation", "review pair") */
    public EvalNotFound(String kind, String id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
