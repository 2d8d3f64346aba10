package io.tuneforge.eval.provider;

/**
 * A model's answer with what it cost: wall-clock latency and the provider's token usage, and what the
 * provider's rate-limit headers said was left after it.
 */
public record ModelAnswer(String text, long latencyMs, int promptTokens, int completionTokens, RateLimitSnapshot rateLimit) {

    public ModelAnswer(String text, long latencyMs, int promptTokens, int completionTokens) {
        this(text, latencyMs, promptTokens, completionTokens, RateLimitSnapshot.UNKNOWN);
    }
}
