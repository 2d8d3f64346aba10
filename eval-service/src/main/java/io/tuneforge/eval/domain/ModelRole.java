package io.tuneforge.eval.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a model is in an evaluation: the one to decide on, the one to beat, the one in production now. */
public enum ModelRole {
    @JsonProperty("candidate") CANDIDATE,
    @JsonProperty("baseline") BASELINE,
    @JsonProperty("production") PRODUCTION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelRole ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
