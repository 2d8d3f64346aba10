package io.tuneforge.eval.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The format every answer must have, checked by {@code metrics.FormatCheck}. */
public enum FormatKind {
    @JsonProperty("none") NONE,
    @JsonProperty("json") JSON,
    @JsonProperty("json_schema") JSON_SCHEMA,
    @JsonProperty("regex") REGEX
}
