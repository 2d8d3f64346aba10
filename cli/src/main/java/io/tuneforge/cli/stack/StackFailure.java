package io.tuneforge.cli.stack;

/** The local stack did not come up (or could not be stopped); the message says what, where and what to do. */
public class StackFailure extends RuntimeException {

    public StackFailure(String message) {
        super(message);
    }
}
