package io.tuneforge.eval.clients;

/** A sibling service answered 4xx: the same call would get the same answer, so it is never retried. */
public class SiblingRefused extends RuntimeException {

    private final int status;

    public SiblingRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
