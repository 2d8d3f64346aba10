package io.tuneforge.events.job;

/**
 * How {@code n_epochs: "auto"} resolves, the rule OpenAI publishes in its cookbook ("Data preparation and
 * analysis for chat model fine-tuning"): 3 epochs, raised so a small training file is seen at least 100
 * times in all, lowered so a large one is seen at most 25,000 times, and kept within 1..25. Published
 * here because {@code job.queued}'s {@code estimated_trained_tokens} and cost-service's estimates are
 * computed with it: every producer and consumer of those numbers must resolve "auto" the same way.
 */
public final class AutoEpochs {

    static final int TARGET_EPOCHS = 3;
    static final int MIN_TARGET_EXAMPLES = 100;
    static final int MAX_TARGET_EXAMPLES = 25_000;
    static final int MIN_DEFAULT_EPOCHS = 1;
    static final int MAX_DEFAULT_EPOCHS = 25;

    private AutoEpochs() {
    }

    /** The epochs for a training file of {@code examples} examples; null when it has none (nothing to resolve). */
    public static Integer forExamples(long examples) {
        if (examples <= 0) {
            return null;
        }
        if (examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES) {
            return (int) Math.min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES / examples);
        }
        if (examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES) {
            return (int) Math.max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES / examples);
        }
        return TARGET_EPOCHS;
    }
}
