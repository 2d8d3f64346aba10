package io.tuneforge.cost.spend;

import io.tuneforge.cost.domain.SpendKind;

import java.time.Instant;

/**
 * Tokens used on a model by an eval run ({@code EVALUATION}) or by production traffic ({@code INFERENCE}).
 *
 * @param reference the reporter's idempotency key (e.g. the eval run id, or gateway batch id): one cost per reference
 * @param model     a base model or snapshot, or a fine-tuned model id ({@code ft:...})
 */
public record UsageReport(SpendKind kind, String reference, String model, long inputTokens, long cachedInputTokens,
                          long outputTokens, Instant occurredAt) {
}
