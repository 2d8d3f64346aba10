package io.tuneforge.eval.judge;

import java.util.Optional;

/**
 * One pairwise comparison asked twice with the order swapped: first the candidate as A, then as B.
 * Only a preference that survives the swap counts; verdicts that flip with the order are position bias
 * and count as a tie. Without both verdicts there is no judgement.
 */
public final class PairwiseJudgement {

    private PairwiseJudgement() {
    }

    /**
     * @param candidateFirst the choice when the candidate was shown as A
     * @param candidateSecond the choice when the candidate was shown as B
     */
    public static Optional<Preference> combine(Optional<String> candidateFirst, Optional<String> candidateSecond) {
        if (candidateFirst.isEmpty() || candidateSecond.isEmpty()) {
            return Optional.empty();
        }
        Preference first = of(candidateFirst.get(), "A");
        Preference second = of(candidateSecond.get(), "B");
        return Optional.of(first == second ? first : Preference.TIE);
    }

    private static Preference of(String choice, String candidatePosition) {
        if (choice.equals("TIE")) {
            return Preference.TIE;
        }
        return choice.equals(candidatePosition) ? Preference.CANDIDATE : Preference.BASELINE;
    }
}
