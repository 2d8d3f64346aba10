package io.tuneforge.events;

/** A message whose envelope or payload breaks its contract. Retrying cannot fix it: it goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
