package io.tuneforge.eval.judge;

/** Which answer a pairwise judgement prefers once position bias is cancelled. */
public enum Preference {
    CANDIDATE, BASELINE, TIE
}
