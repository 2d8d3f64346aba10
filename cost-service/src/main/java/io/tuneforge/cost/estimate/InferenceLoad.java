package io.tuneforge.cost.estimate;

/** Tokens of one request to a model; a month's load is this times the requests per month. */
public record InferenceLoad(long inputTokens, long cachedInputTokens, long outputTokens) {
}
