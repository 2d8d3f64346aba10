package io.tuneforge.eval.provider;

/** A model's answer with what it cost: wall-clock latency and the provider's token usage. */
public record ModelAnswer(String text, long latencyMs, int promptTokens, int completionTokens) {
}
