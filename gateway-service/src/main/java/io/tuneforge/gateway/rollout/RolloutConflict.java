package io.tuneforge.gateway.rollout;

/** The rollout is not in a state that allows the change (another one is live, it is over, it moved on). */
public class RolloutConflict extends RuntimeException {

    public RolloutConflict(String message) {
        super(message);
    }
}
