package io.tuneforge.cost.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Azure OpenAI's training tiers: regional standard (data residency), global (cheaper, no residency) and
 * developer (cheaper again, pre-emptible capacity, may pause).
 */
public enum TrainingTier {
    STANDARD, GLOBAL, DEVELOPER;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<TrainingTier> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wireName)).findFirst();
    }
}
