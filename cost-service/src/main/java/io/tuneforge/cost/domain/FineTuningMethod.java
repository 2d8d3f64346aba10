package io.tuneforge.cost.domain;

import java.util.Arrays;
import java.util.Optional;

/** The fine-tuning methods the catalog tracks per model. Vision is supervised fine-tuning with image inputs. */
public enum FineTuningMethod {
    SUPERVISED("supervised"),
    DPO("dpo"),
    VISION("vision");

    private final String wireName;

    FineTuningMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FineTuningMethod> of(String wireName) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
    }
}
