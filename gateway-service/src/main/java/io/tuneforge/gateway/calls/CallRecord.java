package io.tuneforge.gateway.calls;

import io.tuneforge.gateway.provider.TokenUsage;
import io.tuneforge.gateway.routing.Route;

/**
 * The outcome of one served call, as the ledger records it.
 *
 * @param captureSkipped why the exchange of a call through a capturing alias was not kept, or null
 */
public record CallRecord(String tenantId, Route route, String completionId, int status, boolean failed, long latencyMs,
                         TokenUsage usage, boolean streamed, String captureSkipped) {
}
