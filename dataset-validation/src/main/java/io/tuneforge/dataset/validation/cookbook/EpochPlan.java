package io.tuneforge.dataset.validation.cookbook;

/** The notebook's default-epochs rule (OpenAI's heuristic for n_epochs "auto"). */
public final class EpochPlan {

    static final int TARGET_EPOCHS = 3;
    static final int MIN_TARGET_EXAMPLES = 100;
    static final int MAX_TARGET_EXAMPLES = 25_000;
    static final int MIN_DEFAULT_EPOCHS = 1;
    static final int MAX_DEFAULT_EPOCHS = 25;

    private EpochPlan() {
    }

    /** Null for an empty dataset (the notebook divides by zero). */
    public static Integer epochsFor(long examples) {
        if (examples == 0) {
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
