package io.tuneforge.cost.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * A provider's fine-tuning method as its job API names it ({@code method.type}: supervised, dpo,
 * reinforcement), in the short names both providers' docs use. Vision is a kind of supervised data, not a
 * method, so it stays a catalog capability ({@link FineTuningMethod}).
 */
public enum TrainingMethod {
    SFT, DPO, RFT;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<TrainingMethod> of(String wireName) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(wireName)).findFirst();
    }
}
