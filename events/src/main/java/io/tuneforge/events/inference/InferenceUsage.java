package io.tuneforge.events.inference;

import io.tuneforge.events.EventPayload;

import java.time.Instant;

/**
 * Inference calls made to a model over a window (published by the gateway, or by a team's own client),
 * which cost-service prices with the catalog and counts as inference spend. Publishers aggregate, e.g.
 * one record per model per minute; a record is applied once per {@code usageId}, so a retried publish
 * never doubles the spend.
 *
 * @param usageId            the publisher's idempotency key for this record
 * @param model              the model called (base model id or {@code ft:...} fine-tuned model id)
 * @param calls              requests in the window
 * @param promptTokens       input tokens, including cached ones
 * @param cachedPromptTokens input tokens served from the prompt cache (billed at the cached price)
 * @param completionTokens   output tokens
 * @param windowStart        start of the window (its month is the month the spend belongs to)
 * @param windowEnd          end of the window
 * @param source             who measured it, e.g. {@code gateway} or a client name
 * @param pipelineId         the pipeline whose model was called, or null
 */
public record InferenceUsage(
        String usageId,
        String model,
        long calls,
        long promptTokens,
        long cachedPromptTokens,
        long completionTokens,
        Instant windowStart,
        Instant windowEnd,
        String source,
        String pipelineId) implements EventPayload {

    @Override
    public String subject() {
        return usageId;
    }
}
