package io.tuneforge.eval.run;

/** The held-out split could not be read: the run fails with this message. */
public class TestSetUnreadable extends RuntimeException {

    public TestSetUnreadable(String message) {
        super(message);
    }

    public TestSetUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
