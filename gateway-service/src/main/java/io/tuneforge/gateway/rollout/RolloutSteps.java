package io.tuneforge.gateway.rollout;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tuneforge.events.rollout.StepEvidence;
import io.tuneforge.gateway.domain.Guards;
import io.tuneforge.gateway.domain.Rollout;
import io.tuneforge.platform.json.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Reads a rollout's JSON columns: its step percentages, guards and the evidence of passed steps. */
@ApplicationScoped
public class RolloutSteps {

    private static final TypeReference<List<Integer>> PERCENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<StepEvidence>> EVIDENCE = new TypeReference<>() {
    };

    @Inject
    JsonColumns columns;

    public List<Integer> steps(Rollout rollout) {
        return columns.read(rollout.steps, PERCENTS);
    }

    /** The candidate's share of calls now: the current step's, or none once the rollout is over. */
    public int percentOf(Rollout rollout) {
        return switch (rollout.rolloutState()) {
            case ACTIVE, PAUSED -> steps(rollout).get(rollout.stepIndex);
            case COMPLETED -> 100;
            case ROLLED_BACK -> 0;
        };
    }

    public Guards guards(Rollout rollout) {
        return columns.read(rollout.guards, Guards.class);
    }

    public List<StepEvidence> finished(Rollout rollout) {
        return columns.read(rollout.finishedSteps, EVIDENCE);
    }

    public StepEvidence evidence(Rollout rollout) {
        return rollout.evidence == null ? null : columns.read(rollout.evidence, StepEvidence.class);
    }
}
