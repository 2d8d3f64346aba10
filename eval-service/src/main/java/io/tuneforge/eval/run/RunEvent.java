package io.tuneforge.eval.run;

/** What can happen to an evaluation run; {@link RunTransitions} decides what each does in each state. */
public enum RunEvent {
    /** A run is asked for (REST or {@code job.succeeded}) and its held-out split is known. */
    QUEUE,
    /** A worker takes the run: a queued one, or a running one whose worker died (its lease ran out). */
    CLAIM,
    /** Every model answered and the report is assembled. */
    COMPLETE,
    /** The run cannot finish: no or an unreadable test split, a refusing provider, a model that answered nothing. */
    FAIL
}
