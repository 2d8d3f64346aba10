package io.tuneforge.cost.domain;

import java.util.Arrays;
import java.util.Optional;

/** Where a model is trained and served: the two provider kinds tuneforge's accounts have. */
public enum Provider {
    OPENAI, AZURE;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Provider> of(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wireName)).findFirst();
    }
}
