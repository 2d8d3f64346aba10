package io.tuneforge.eval.clients;

/** A sibling service answered 5xx (or 429): worth a bounded retry, and counted by the circuit breaker. */
public class SiblingUnavailable extends RuntimeException {

    public SiblingUnavailable(String message) {
        super(message);
    }
}
