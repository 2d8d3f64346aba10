package io.tuneforge.eval.run;

import io.tuneforge.eval.provider.ModelAnswer;
import io.tuneforge.eval.provider.RateLimitSnapshot;

import java.time.Duration;

/**
 * Slows a run down <em>before</em> the provider answers 429, from the {@code x-ratelimit-*} headers of
 * the last wave's answers: a wave never holds more calls than requests (or tokens, at the calls' average
 * size) the provider says are left; with nothing left it waits for the reset and sends a single call,
 * whose headers tell how much the reset freed. Without headers (a provider that sends none) it never
 * holds back, and the 429 path ({@link AdaptiveConcurrency}) is all there is. One pacer per model: limits
 * are per model.
 */
final class RatePacer {

    /** The wait when the headers say nothing is left but not when it comes back. */
    static final Duration DEFAULT_RESET = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private RateLimitSnapshot tightest = RateLimitSnapshot.UNKNOWN;
    private double tokensPerCall;
    private long observed;

    /** The next wave: how many calls, after how long a wait. */
    record Plan(int calls, Duration delay) {
        boolean heldBack(int wanted) {
            return calls < wanted || !delay.isZero();
        }
    }

    /** Records an answer of the current wave; the answer with the least left is the one that counts. */
    void observe(ModelAnswer answer) {
        RateLimitSnapshot seen = answer.rateLimit();
        if (seen != null && (tightest.remainingRequests().isEmpty()
                || seen.remainingRequests().orElse(Long.MAX_VALUE) <= tightest.remainingRequests().get())) {
            tightest = seen;
        }
        observed++;
        tokensPerCall += ((answer.promptTokens() + answer.completionTokens()) - tokensPerCall) / observed;
    }

    /** Plans the next wave of at most {@code wanted} calls and forgets the last wave's headers (they are stale after it). */
    Plan next(int wanted) {
        RateLimitSnapshot last = tightest;
        tightest = RateLimitSnapshot.UNKNOWN;
        int calls = wanted;
        if (last.remainingRequests().isPresent()) {
            long left = last.remainingRequests().get();
            if (left <= 0) {
                return new Plan(1, cap(last.resetRequests().orElse(DEFAULT_RESET)));
            }
            calls = (int) Math.min(calls, left);
        }
        if (last.remainingTokens().isPresent() && tokensPerCall >= 1) {
            long affordable = (long) Math.floor(last.remainingTokens().get() / tokensPerCall);
            if (affordable <= 0) {
                return new Plan(1, cap(last.resetTokens().orElse(DEFAULT_RESET)));
            }
            calls = (int) Math.min(calls, affordable);
        }
        return new Plan(Math.max(1, calls), Duration.ZERO);
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
