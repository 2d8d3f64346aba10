package io.tuneforge.cost.spend;

import io.tuneforge.cost.domain.SpendKind;

import java.time.Instant;

/**
 * Tokens used on a model by an eval run ({@code EVALUATION}) or by production traffic ({@code INFERENCE}).
 *
 * @param reference         the reporter's idempotency key (e.g. the usage id of {@code inference.usage}): one cost per reference
 * @param model             a base model or snapshot, or a fine-tuned model id ({@code ft:...})
 * @param inputTokens       input tokens not served from the prompt cache
 * @param cachedInputTokens input tokens served from the prompt cache
 * @param pipelineId        the pipeline the cost is attributed to, or null
 */
public record UsageReport(SpendKind kind, String reference, String model, long inputTokens, long cachedInputTokens,
                          long outputTokens, Instant occurredAt, String pipelineId) {
}
