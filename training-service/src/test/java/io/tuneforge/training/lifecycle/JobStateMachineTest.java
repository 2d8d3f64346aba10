package io.tuneforge.training.lifecycle;

import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.lifecycle.JobStateMachine.Decision;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (state, event) pair against the table written out by hand: a state abbreviation is the state the event
 * moves the job to; {@code fin}, {@code np}, {@code npd} and {@code -} are the refusals FINISHED, NOT_PAUSABLE,
 * NOT_PAUSED and NOT_IN_THIS_STATE.
 */
class JobStateMachineTest {

    private static final JobState[] COLUMNS = {JobState.WAITING_FOR_BUDGET, JobState.WAITING_FOR_SLOT, JobState.UPLOADING,
            JobState.VALIDATING_FILES, JobState.QUEUED, JobState.RUNNING, JobState.PAUSED, JobState.SUCCEEDED, JobState.FAILED,
            JobState.CANCELLED};

    private static final String TABLE = """
            event                       WB   WS   UP   VF   Q    R    P    S    F    C
            HELD_FOR_BUDGET             -    WB   -    -    -    -    -    fin  fin  fin
            BUDGET_RELEASED             WS   -    -    -    -    -    -    fin  fin  fin
            ADMITTED                    -    UP   -    -    -    -    -    fin  fin  fin
            RATE_LIMITED                -    -    WS   -    -    -    -    fin  fin  fin
            CREATED                     -    -    VF   -    -    -    -    fin  fin  fin
            PROVIDER_VALIDATING_FILES   -    -    -    VF   VF   VF   VF   fin  fin  fin
            PROVIDER_QUEUED             -    -    -    Q    Q    Q    Q    fin  fin  fin
            PROVIDER_RUNNING            -    -    -    R    R    R    R    fin  fin  fin
            PROVIDER_PAUSED             -    -    -    P    P    P    P    fin  fin  fin
            PROVIDER_SUCCEEDED          -    -    -    S    S    S    S    fin  S    fin
            PROVIDER_FAILED             -    -    -    F    F    F    F    fin  F    fin
            PROVIDER_CANCELLED          -    -    -    C    C    C    C    fin  C    fin
            GAVE_UP                     F    F    F    F    F    F    F    fin  F    fin
            CANCELLED                   C    C    C    C    C    C    C    fin  fin  fin
            PAUSED                      P    P    np   np   np   P    np   fin  fin  fin
            RESUMED_WAITING_FOR_SLOT    npd  npd  npd  npd  npd  npd  WS   fin  fin  fin
            RESUMED_WAITING_FOR_BUDGET  npd  npd  npd  npd  npd  npd  WB   fin  fin  fin
            RESUMED_ON_PROVIDER         npd  npd  npd  npd  npd  npd  R    fin  fin  fin
            """;

    private static final Map<String, JobState> STATES = Map.of("WB", JobState.WAITING_FOR_BUDGET, "WS", JobState.WAITING_FOR_SLOT,
            "UP", JobState.UPLOADING, "VF", JobState.VALIDATING_FILES, "Q", JobState.QUEUED, "R", JobState.RUNNING,
            "P", JobState.PAUSED, "S", JobState.SUCCEEDED, "F", JobState.FAILED, "C", JobState.CANCELLED);
    private static final Map<String, JobRefusal> REFUSALS = Map.of("fin", JobRefusal.FINISHED, "np", JobRefusal.NOT_PAUSABLE,
            "npd", JobRefusal.NOT_PAUSED, "-", JobRefusal.NOT_IN_THIS_STATE);

    @Test
    void everyStateAndEventDecidesAsTheTableSays() {
        Map<JobEvent, String[]> rows = new HashMap<>();
        TABLE.lines().skip(1).map(String::trim).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] cells = l.split("\\s+");
            rows.put(JobEvent.valueOf(cells[0]), java.util.Arrays.copyOfRange(cells, 1, cells.length));
        });
        assertThat(rows.keySet()).as("a row for every event").containsExactlyInAnyOrder(JobEvent.values());
        assertThat(COLUMNS).as("a column for every state").containsExactlyInAnyOrder(JobState.values());
        int pairs = 0;
        for (JobEvent event : JobEvent.values()) {
            String[] row = rows.get(event);
            assertThat(row).hasSize(COLUMNS.length);
            for (int i = 0; i < COLUMNS.length; i++) {
                Decision expected = STATES.containsKey(row[i]) ? new Decision.Move(STATES.get(row[i]))
                        : new Decision.Refused(REFUSALS.get(row[i]));
                assertThat(JobStateMachine.decide(COLUMNS[i], event)).as("%s in %s", event, COLUMNS[i]).isEqualTo(expected);
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(JobEvent.values().length * JobState.values().length);
    }

    @Test
    void statesAnEventAppliesToAreThoseItMovesFrom() {
        for (JobEvent event : JobEvent.values()) {
            EnumSet<JobState> moving = EnumSet.noneOf(JobState.class);
            for (JobState state : JobState.values()) {
                if (JobStateMachine.decide(state, event) instanceof Decision.Move) {
                    moving.add(state);
                }
            }
            assertThat(JobStateMachine.from(event)).as("%s", event).isEqualTo(moving);
        }
        assertThat(JobStateMachine.from(JobEvent.HELD_FOR_BUDGET)).containsExactly(JobState.WAITING_FOR_SLOT);
        assertThat(JobStateMachine.from(JobEvent.BUDGET_RELEASED)).containsExactly(JobState.WAITING_FOR_BUDGET);
    }

    @Test
    void aNewJobWaitsForBudgetOnlyWhenHeld() {
        assertThat(JobStateMachine.initial(true)).isEqualTo(JobState.WAITING_FOR_BUDGET);
        assertThat(JobStateMachine.initial(false)).isEqualTo(JobState.WAITING_FOR_SLOT);
    }

    @Test
    void aPausedJobResumesOnTheProviderOrBackToItsWait() {
        assertThat(JobStateMachine.resumption(JobState.RUNNING, true)).isEqualTo(JobEvent.RESUMED_ON_PROVIDER);
        assertThat(JobStateMachine.resumption(JobState.WAITING_FOR_BUDGET, false)).isEqualTo(JobEvent.RESUMED_WAITING_FOR_BUDGET);
        assertThat(JobStateMachine.resumption(JobState.WAITING_FOR_SLOT, false)).isEqualTo(JobEvent.RESUMED_WAITING_FOR_SLOT);
        assertThat(JobStateMachine.resumption(null, false)).isEqualTo(JobEvent.RESUMED_WAITING_FOR_SLOT);
    }

    @Test
    void providerStatusesAreReportedAsTheirEvents() {
        Map<String, JobEvent> expected = Map.of("validating_files", JobEvent.PROVIDER_VALIDATING_FILES, "queued",
                JobEvent.PROVIDER_QUEUED, "running", JobEvent.PROVIDER_RUNNING, "paused", JobEvent.PROVIDER_PAUSED, "succeeded",
                JobEvent.PROVIDER_SUCCEEDED, "failed", JobEvent.PROVIDER_FAILED, "cancelled", JobEvent.PROVIDER_CANCELLED,
                "some_new_status", JobEvent.PROVIDER_RUNNING);
        expected.forEach((status, event) ->
                assertThat(JobStateMachine.reported(JobStateMachine.ofProviderStatus(status))).as(status).isEqualTo(event));
    }
}
