package io.tuneforge.events;

import java.util.Objects;

/**
 * What a topic carries: its name, the CloudEvents {@code type} (versioned: a breaking change to the
 * payload means a new version, published side by side, never an in-place change), the payload record
 * and the JSON Schema that documents it for teams that do not use Java.
 */
public record EventContract<T extends EventPayload>(String topic, String type, Class<T> payloadType) {

    public EventContract {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadType, "payloadType");
    }

    /** Classpath location of the payload's JSON Schema, e.g. {@code schemas/dataset.validated.v1.json}. */
    public String schemaResource() {
        return "schemas/" + topic + "." + version() + ".json";
    }

    /** The version suffix of {@link #type()}, e.g. {@code v1}. */
    public String version() {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
