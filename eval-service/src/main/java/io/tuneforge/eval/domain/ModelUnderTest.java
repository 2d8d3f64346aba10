package io.tuneforge.eval.domain;

/** One model of an evaluation and the role it plays. */
public record ModelUnderTest(ModelRole role, String model) {
}
