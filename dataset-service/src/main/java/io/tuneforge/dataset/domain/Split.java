package io.tuneforge.dataset.domain;

import java.util.Locale;

/** Where an example goes: trained on, used to watch for overfitting, or held out for evaluation. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Split fromWireName(String name) {
        for (Split split : values()) {
            if (split.wireName().equals(name)) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split '" + name + "': use train, validation or test");
    }
}
