package io.tuneforge.eval.run;

import io.tuneforge.eval.domain.EvalState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunTransitionsTest {

    /** The expected table, written out: (from, event) → to; a pair missing here changes nothing. null = no run yet. */
    private static final Map<String, EvalState> MOVES = new HashMap<>();

    static {
        MOVES.put(key(null, RunEvent.QUEUE), EvalState.QUEUED);
        MOVES.put(key(null, RunEvent.FAIL), EvalState.FAILED);
        MOVES.put(key(EvalState.QUEUED, RunEvent.CLAIM), EvalState.RUNNING);
        MOVES.put(key(EvalState.QUEUED, RunEvent.FAIL), EvalState.FAILED);
        MOVES.put(key(EvalState.RUNNING, RunEvent.CLAIM), EvalState.RUNNING);
        MOVES.put(key(EvalState.RUNNING, RunEvent.COMPLETE), EvalState.COMPLETED);
        MOVES.put(key(EvalState.RUNNING, RunEvent.FAIL), EvalState.FAILED);
    }

    private static String key(EvalState from, RunEvent event) {
        return (from == null ? "new" : from.wire()) + "/" + event;
    }

    @Test
    void everyStateAndEventPairIsDecidedAsTheTableSays() {
        List<EvalState> states = new ArrayList<>(Arrays.asList(EvalState.values()));
        states.add(null);
        int pairs = 0;
        for (EvalState from : states) {
            for (RunEvent event : RunEvent.values()) {
                assertThat(RunTransitions.next(from, event)).as(key(from, event))
                        .isEqualTo(Optional.ofNullable(MOVES.get(key(from, event))));
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(5 * 4);
    }

    @Test
    void aFinishedRunNeverChangesAgain() {
        for (RunEvent event : RunEvent.values()) {
            assertThat(RunTransitions.next(EvalState.COMPLETED, event)).as("completed/" + event).isEmpty();
            assertThat(RunTransitions.next(EvalState.FAILED, event)).as("failed/" + event).isEmpty();
        }
    }

    @Test
    void workersClaimQueuedRunsAndRunsWhoseWorkerDied() {
        assertThat(RunTransitions.claimable()).containsExactly(EvalState.QUEUED, EvalState.RUNNING);
    }
}
