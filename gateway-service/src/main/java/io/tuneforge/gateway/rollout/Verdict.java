package io.tuneforge.gateway.rollout;

/**
 * What {@link GuardCheck} decided about a step.
 *
 * @param reason for a rollback: the breached guard ({@code error_rate}, {@code p95_latency}, {@code latency_ratio})
 * @param detail the decision in words, with the numbers
 */
public record Verdict(Kind kind, String reason, String detail) {

    public enum Kind { WAIT, ADVANCE, ROLL_BACK }

    static Verdict waiting(String detail) {
        return new Verdict(Kind.WAIT, null, detail);
    }

    static Verdict advance(String detail) {
        return new Verdict(Kind.ADVANCE, "guards_held", detail);
    }

    static Verdict rollBack(String reason, String detail) {
        return new Verdict(Kind.ROLL_BACK, reason, detail);
    }
}
