package io.tuneforge.eval.gates;

import io.tuneforge.events.eval.GateOutcome;

import java.util.List;

/** The gates with their numbers, and what they decide: promote only when every gate passed. */
public record GateDecision(List<GateOutcome> gates, String decision) {

    public static final String PROMOTE = "promote";
    public static final String REJECT = "reject";
    public static final String BASELINE_ONLY = "baseline_only";

    public List<GateOutcome> failed() {
        return gates.stream().filter(g -> !g.passed()).toList();
    }
}
