package io.tuneforge.gateway.provider;

import java.util.Map;

/**
 * A successful chat completion, as the JSON to hand back to the caller.
 *
 * @param headers the provider's rate-limit headers, passed through
 */
public record UpstreamReply(String completionId, String json, TokenUsage usage, Map<String, String> headers) {
}
