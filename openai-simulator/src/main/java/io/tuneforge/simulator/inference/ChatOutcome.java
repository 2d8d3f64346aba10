package io.tuneforge.simulator.inference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** A chat completion, as one object or as the chunks of its stream, and the rate-limit headers to send. */
public record ChatOutcome(ObjectNode completion, List<String> chunks, Map<String, String> headers) {

    public boolean streamed() {
        return chunks != null;
    }
}
