package io.tuneforge.events;

/**
 * A topic payload. The subject is the id of the entity the event is about: it becomes the Kafka
 * message key (so events of one entity stay ordered on one partition) and the CloudEvents
 * {@code subject} attribute.
 */
public interface EventPayload {

    String subject();
}
