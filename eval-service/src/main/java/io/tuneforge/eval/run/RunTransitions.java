package io.tuneforge.eval.run;

import io.tuneforge.eval.domain.EvalState;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The state machine of an evaluation run, as a pure function (no I/O): {@link RunLifecycle} asks it before
 * every write of a run's state, so the table below is the only place the rules live.
 *
 * <pre>
 *   (new)   --QUEUE-->    queued
 *   (new)   --FAIL-->     failed      (a job's version has no held-out split: the run exists to say so)
 *   queued  --CLAIM-->    running
 *   running --CLAIM-->    running     (resumed: only once its lease expired, which the claim query checks)
 *   running --COMPLETE--> completed
 *   queued, running --FAIL--> failed
 * </pre>
 *
 * Anything else changes nothing: a finished run stays as it finished (a late worker of an expired lease must
 * not turn a failed run into a completed one, nor the other way round), and a queued run is never completed
 * without having been claimed.
 */
public final class RunTransitions {

    private RunTransitions() {
    }

    /**
     * The state {@code event} moves a run to, or empty when it changes nothing.
     *
     * @param from the run's state; null for a run that does not exist yet
     */
    public static Optional<EvalState> next(EvalState from, RunEvent event) {
        if (from == null) {
            return switch (event) {
                case QUEUE -> Optional.of(EvalState.QUEUED);
                case FAIL -> Optional.of(EvalState.FAILED);
                case CLAIM, COMPLETE -> Optional.empty();
            };
        }
        return switch (from) {
            case QUEUED -> switch (event) {
                case CLAIM -> Optional.of(EvalState.RUNNING);
                case FAIL -> Optional.of(EvalState.FAILED);
                case QUEUE, COMPLETE -> Optional.empty();
            };
            case RUNNING -> switch (event) {
                case CLAIM -> Optional.of(EvalState.RUNNING);
                case COMPLETE -> Optional.of(EvalState.COMPLETED);
                case FAIL -> Optional.of(EvalState.FAILED);
                case QUEUE -> Optional.empty();
            };
            case COMPLETED, FAILED -> Optional.empty();
        };
    }

    /** The states a worker may claim a run in (what the claim query selects by). */
    public static List<EvalState> claimable() {
        return Arrays.stream(EvalState.values()).filter(s -> next(s, RunEvent.CLAIM).isPresent()).toList();
    }
}
