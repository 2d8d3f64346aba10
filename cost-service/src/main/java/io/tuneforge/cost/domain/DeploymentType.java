package io.tuneforge.cost.domain;

import java.util.Arrays;
import java.util.Optional;

/** Azure deployment types of fine-tuned models, by their ARM sku name; each has its own hourly hosting fee. */
public enum DeploymentType {
    DEVELOPERTIER, STANDARD, GLOBALSTANDARD;

    public String wireName() {
        return name().toLowerCase();
    }

    /** ARM sku names are case-insensitive in practice ({@code Standard}, {@code GlobalStandard}, {@code DeveloperTier}). */
    public static Optional<DeploymentType> of(String sku) {
        return sku == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.wireName().equalsIgnoreCase(sku.strip())).findFirst();
    }
}
