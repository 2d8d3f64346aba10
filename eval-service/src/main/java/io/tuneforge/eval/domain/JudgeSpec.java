package io.tuneforge.eval.domain;

/**
 * The model-graded part of a run (off unless the request has {@code judge}).
 *
 * @param model    the judge model, called through the run's provider account
 * @param rubric   what a good answer is; null takes the default (correct and complete against the reference, in format)
 * @param pairwise also compare candidate and baseline answers, asked twice with the order swapped
 */
public record JudgeSpec(String model, String rubric, Boolean pairwise) {

    public boolean pairwiseOn() {
        return Boolean.TRUE.equals(pairwise);
    }
}
