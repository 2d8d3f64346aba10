package io.tuneforge.gateway.rollout;

/** No rollout with that id for the tenant. */
public class RolloutMissing extends RuntimeException {

    private final String id;

    public RolloutMissing(String id) {
        super("no rollout " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
