package io.tuneforge.training.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a fine-tuning job is. Terminal states never change again. A job holds a provider slot from
 * {@link #UPLOADING} until it is terminal (paused jobs keep theirs: OpenAI counts them as active).
 */
public enum JobState {
    WAITING_FOR_BUDGET, WAITING_FOR_SLOT, UPLOADING, VALIDATING_FILES, QUEUED, RUNNING, PAUSED,
    SUCCEEDED, FAILED, CANCELLED;

    public static final Set<JobState> TERMINAL = EnumSet.of(SUCCEEDED, FAILED, CANCELLED);
    /** States that hold one of the account's active-job slots. */
    public static final Set<JobState> HOLDING_SLOT = EnumSet.of(UPLOADING, VALIDATING_FILES, QUEUED, RUNNING, PAUSED);
    /** States the provider reports; the job exists on the provider. */
    public static final Set<JobState> ON_PROVIDER = EnumSet.of(VALIDATING_FILES, QUEUED, RUNNING);

    public boolean terminal() {
        return TERMINAL.contains(this);
    }

    public String wire() {
        return name().toLowerCase();
    }

    public static JobState ofWire(String value) {
        try {
            return valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown job state '" + value + "'");
        }
    }
}
