package io.tuneforge.gateway.calls;

import io.tuneforge.gateway.provider.TokenUsage;
import io.tuneforge.gateway.routing.Route;

/** The outcome of one served call, as the ledger records it. */
public record CallRecord(String tenantId, Route route, String completionId, int status, boolean failed, long latencyMs,
                         TokenUsage usage, boolean streamed) {
}
