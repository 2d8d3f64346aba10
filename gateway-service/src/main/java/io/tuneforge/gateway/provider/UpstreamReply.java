package io.tuneforge.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A successful chat completion, as the JSON to hand back to the caller.
 *
 * @param headers the provider's rate-limit headers, passed through
 * @param message the assistant message served ({@link ServedMessage}), when the caller asked for it (exchange
 *                capture); else null
 */
public record UpstreamReply(String completionId, String json, TokenUsage usage, Map<String, String> headers, ObjectNode message) {
}
