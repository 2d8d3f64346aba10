package io.tuneforge.simulator.limits;

import io.tuneforge.simulator.api.OpenAiErrorException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests-per-minute and tokens-per-minute per organization and model, over a sliding window, with the
 * headers OpenAI sends on every response and the 429 it sends when either is used up. Tokens requested
 * count the prompt plus max_tokens, as OpenAI estimates them before answering.
 */
@ApplicationScoped
public class RateLimiter {

    private final LimitPolicy policy;
    private final Map<String, Deque<long[]>> windows = new ConcurrentHashMap<>();

    public RateLimiter(LimitPolicy policy) {
        this.policy = policy;
    }

    /** Admits the request or throws the 429; returns the x-ratelimit-* headers to send. */
    public Map<String, String> admit(String organization, String model, int tokens) {
        LimitSettings limits = policy.current();
        long now = System.currentTimeMillis();
        Deque<long[]> window = windows.computeIfAbsent(organization + "|" + model, k -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst()[0] <= now - limits.windowMillis()) {
                window.pollFirst();
            }
            int requests = window.size();
            long usedTokens = 0;
            for (long[] entry : window) {
                usedTokens += entry[1];
            }
            long resetRequests = window.isEmpty() ? 0 : window.peekFirst()[0] + limits.windowMillis() - now;
            if (requests + 1 > limits.requestsPerMinute()) {
                throw limited("requests", "requests per min (RPM)", model, organization, limits.requestsPerMinute(), requests, 1,
                        resetRequests, headers(limits, requests, usedTokens, resetRequests, resetTokens(window, limits, now, 0)));
            }
            if (usedTokens + tokens > limits.tokensPerMinute()) {
                long wait = resetTokens(window, limits, now, usedTokens + tokens - limits.tokensPerMinute());
                if (tokens > limits.tokensPerMinute()) {
                    throw new OpenAiErrorException(429, "tokens", "Request too large for " + model + " in organization " + organization
                            + " on tokens per min (TPM): Limit " + limits.tokensPerMinute() + ", Requested " + tokens
                            + ". The input or output tokens must be reduced in order to run successfully.", null,
                            "rate_limit_exceeded", headers(limits, requests, usedTokens, resetRequests, wait));
                }
                throw limited("tokens", "tokens per min (TPM)", model, organization, limits.tokensPerMinute(), usedTokens, tokens,
                        wait, headers(limits, requests, usedTokens, resetRequests, wait));
            }
            window.addLast(new long[] {now, tokens});
            return headers(limits, requests + 1, usedTokens + tokens, Math.max(resetRequests, 1),
                    resetTokens(window, limits, now, 0));
        }
    }

    public void reset() {
        windows.clear();
    }

    /** Drops windows with nothing left in them: one per organization and model ever seen would otherwise stay. */
    public void prune() {
        long edge = System.currentTimeMillis() - policy.current().windowMillis();
        windows.values().removeIf(w -> {
            synchronized (w) {
                return w.isEmpty() || w.peekLast()[0] <= edge;
            }
        });
    }

    /** Time until enough tokens leave the window to free `needed` of them (the oldest entry when 0). */
    private static long resetTokens(Deque<long[]> window, LimitSettings limits, long now, long needed) {
        long freed = 0;
        for (long[] entry : window) {
            freed += entry[1];
            if (freed >= needed) {
                return Math.max(0, entry[0] + limits.windowMillis() - now);
            }
        }
        return 0;
    }

    private static OpenAiErrorException limited(String type, String what, String model, String organization, long limit, long used,
                                        long requested, long waitMillis, Map<String, String> headers) {
        headers.put("retry-after", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
        headers.put("retry-after-ms", String.valueOf(Math.max(1, waitMillis)));
        return new OpenAiErrorException(429, type, "Rate limit reached for " + model + " in organization " + organization + " on " + what
                + ": Limit " + limit + ", Used " + used + ", Requested " + requested + ". Please try again in "
                + duration(waitMillis) + ". Visit https://platform.openai.com/account/rate-limits to learn more.",
                null, "rate_limit_exceeded", headers);
    }

    private static Map<String, String> headers(LimitSettings limits, long requests, long tokens, long resetRequests, long resetTokens) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit-requests", String.valueOf(limits.requestsPerMinute()));
        headers.put("x-ratelimit-limit-tokens", String.valueOf(limits.tokensPerMinute()));
        headers.put("x-ratelimit-remaining-requests", String.valueOf(Math.max(0, limits.requestsPerMinute() - requests)));
        headers.put("x-ratelimit-remaining-tokens", String.valueOf(Math.max(0, limits.tokensPerMinute() - tokens)));
        headers.put("x-ratelimit-reset-requests", duration(resetRequests));
        headers.put("x-ratelimit-reset-tokens", duration(resetTokens));
        return headers;
    }

    /** OpenAI's duration format in these headers: "1s", "6m0s", "120ms". */
    static String duration(long millis) {
        if (millis < 1000) {
            return Math.max(0, millis) + "ms";
        }
        long seconds = millis / 1000;
        long rest = millis % 1000;
        String s = rest == 0 ? seconds % 60 + "s" : String.format("%d.%03ds", seconds % 60, rest).replaceAll("0+s$", "s");
        return seconds >= 60 ? seconds / 60 + "m" + s : s;
    }
}
