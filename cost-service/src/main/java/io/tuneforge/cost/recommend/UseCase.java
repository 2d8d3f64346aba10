package io.tuneforge.cost.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the fine-tuned model is for, and the default rule for it: the preferred base model with the
 * reason, then the fallbacks in order when a constraint rules the preferred one out.
 */
public enum UseCase {
    COMPLEX_REASONING("complex_reasoning", List.of("gpt-4.1", "gpt-4o", "gpt-4.1-mini"),
            "Complex reasoning: gpt-4.1 is the most capable fine-tunable model, with a 1M-token context."),
    PRODUCTION("production", List.of("gpt-4.1-mini", "gpt-4o-mini", "gpt-4.1"),
            "Production workloads: gpt-4.1-mini balances quality, latency and price, the usual default."),
    HIGH_VOLUME_SIMPLE("high_volume_simple", List.of("gpt-4.1-nano", "gpt-4o-mini", "gpt-4.1-mini"),
            "High-volume simple tasks (classification, extraction): gpt-4.1-nano is the cheapest and fastest per call."),
    VISION("vision", List.of("gpt-4o", "gpt-4.1"),
            "Vision: gpt-4o is the model OpenAI documents for fine-tuning on image inputs."),
    BUDGET("budget", List.of("gpt-4o-mini", "gpt-4.1-nano", "gpt-4.1-mini"),
            "Tight budget: gpt-4o-mini gives GPT-4o-class output at a low training and inference price.");

    private final String wireName;
    private final List<String> preference;
    private final String reason;

    UseCase(String wireName, List<String> preference, String reason) {
        this.wireName = wireName;
        this.preference = preference;
        this.reason = reason;
    }

    public String wireName() {
        return wireName;
    }

    /** Model ids, preferred first. */
    public List<String> preference() {
        return preference;
    }

    public String reason() {
        return reason;
    }

    public static Optional<UseCase> of(String wireName) {
        return Arrays.stream(values()).filter(u -> u.wireName.equals(wireName)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(UseCase::wireName).toList());
    }
}
