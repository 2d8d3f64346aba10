package io.tuneforge.cost.estimate;

/**
 * The number of epochs OpenAI picks for {@code n_epochs: "auto"} (the rule in OpenAI's cookbook
 * "Data preparation and analysis for chat model fine-tuning"): aim for 100..25,000 examples seen,
 * 3 epochs by default, between 1 and 25.
 */
public final class AutoEpochs {

    static final int TARGET_EPOCHS = 3;
    static final int MIN_TARGET_EXAMPLES = 100;
    static final int MAX_TARGET_EXAMPLES = 25_000;
    static final int MIN_DEFAULT_EPOCHS = 1;
    static final int MAX_DEFAULT_EPOCHS = 25;

    private AutoEpochs() {
    }

    public static int forExamples(long examples) {
        if (examples <= 0) {
            throw new IllegalArgumentException("auto epochs need at least one training example");
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
