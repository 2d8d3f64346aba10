package io.tuneforge.gateway.provider;

import com.openai.models.completions.CompletionUsage;

import java.util.Optional;

/** The provider's token counts of one call; zero when it reported none. */
public record TokenUsage(long promptTokens, long cachedPromptTokens, long completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    static TokenUsage of(Optional<CompletionUsage> usage) {
        return usage.map(u -> new TokenUsage(u.promptTokens(),
                u.promptTokensDetails().flatMap(d -> d.cachedTokens()).orElse(0L), u.completionTokens())).orElse(NONE);
    }
}
