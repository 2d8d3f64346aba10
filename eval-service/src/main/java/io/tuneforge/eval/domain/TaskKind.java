package io.tuneforge.eval.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What kind of answer is expected: one exact answer, a class label (accuracy, per-class scores and
 * slices by the reference label), or free text (ROUGE-L / BLEU matter most).
 */
public enum TaskKind {
    @JsonProperty("exact") EXACT,
    @JsonProperty("classification") CLASSIFICATION,
    @JsonProperty("generation") GENERATION
}
