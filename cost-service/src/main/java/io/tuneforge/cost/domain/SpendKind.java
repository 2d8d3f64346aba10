package io.tuneforge.cost.domain;

import java.util.Arrays;
import java.util.Optional;

/** What money was spent on; spend reports group by it. */
public enum SpendKind {
    TRAINING, EVALUATION, INFERENCE,
    /** Hours an Azure deployment of a fine-tuned model was up (billed even when idle). */
    HOSTING;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<SpendKind> of(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(wireName)).findFirst();
    }
}
