package io.tuneforge.training.lifecycle;

import io.tuneforge.training.domain.JobState;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The job state machine's table, and the pure decision over it: which state an event moves a job to,
 * or why it is refused. No I/O; {@link JobLifecycle} applies the decisions.
 */
public final class JobStateMachine {

    /** Jobs the provider knows and tuneforge follows there. */
    private static final Set<JobState> ON_PROVIDER_OR_PAUSED = union(JobState.ON_PROVIDER, EnumSet.of(JobState.PAUSED));
    private static final Set<JobState> UNFINISHED = EnumSet.complementOf(EnumSet.copyOf(JobState.TERMINAL));
    /**
     * A job tuneforge failed while the provider may still run it is reconciled: the provider's outcome, or another
     * failure of a call about it, still applies to it.
     */
    private static final Set<JobState> FOLLOWED = union(ON_PROVIDER_OR_PAUSED, EnumSet.of(JobState.FAILED));

    /** The states each event may come from. */
    private static final Map<JobEvent, Set<JobState>> FROM = new EnumMap<>(JobEvent.class);

    static {
        from(JobEvent.HELD_FOR_BUDGET, EnumSet.of(JobState.WAITING_FOR_SLOT));
        from(JobEvent.BUDGET_RELEASED, EnumSet.of(JobState.WAITING_FOR_BUDGET));
        from(JobEvent.ADMITTED, EnumSet.of(JobState.WAITING_FOR_SLOT));
        from(JobEvent.RATE_LIMITED, EnumSet.of(JobState.UPLOADING));
        from(JobEvent.CREATED, EnumSet.of(JobState.UPLOADING));
        from(JobEvent.PROVIDER_VALIDATING_FILES, ON_PROVIDER_OR_PAUSED);
        from(JobEvent.PROVIDER_QUEUED, ON_PROVIDER_OR_PAUSED);
        from(JobEvent.PROVIDER_RUNNING, ON_PROVIDER_OR_PAUSED);
        from(JobEvent.PROVIDER_PAUSED, ON_PROVIDER_OR_PAUSED);
        from(JobEvent.PROVIDER_SUCCEEDED, FOLLOWED);
        from(JobEvent.PROVIDER_FAILED, FOLLOWED);
        from(JobEvent.PROVIDER_CANCELLED, FOLLOWED);
        from(JobEvent.GAVE_UP, union(UNFINISHED, EnumSet.of(JobState.FAILED)));
        from(JobEvent.CANCELLED, UNFINISHED);
        // A running job is paused on the provider first; the provider pauses running jobs only.
        from(JobEvent.PAUSED, EnumSet.of(JobState.WAITING_FOR_BUDGET, JobState.WAITING_FOR_SLOT, JobState.RUNNING));
        from(JobEvent.RESUMED_WAITING_FOR_SLOT, EnumSet.of(JobState.PAUSED));
        from(JobEvent.RESUMED_WAITING_FOR_BUDGET, EnumSet.of(JobState.PAUSED));
        from(JobEvent.RESUMED_ON_PROVIDER, EnumSet.of(JobState.PAUSED));
    }

    private JobStateMachine() {
    }

    /** What {@code event} does to a job in {@code state}. */
    public static Decision decide(JobState state, JobEvent event) {
        if (FROM.get(event).contains(state)) {
            return new Decision.Move(event.target());
        }
        if (state.terminal()) {
            return new Decision.Refused(JobRefusal.FINISHED);
        }
        return new Decision.Refused(switch (event) {
            case PAUSED -> JobRefusal.NOT_PAUSABLE;
            case RESUMED_WAITING_FOR_SLOT, RESUMED_WAITING_FOR_BUDGET, RESUMED_ON_PROVIDER -> JobRefusal.NOT_PAUSED;
            default -> JobRefusal.NOT_IN_THIS_STATE;
        });
    }

    /** The states {@code event} applies to, for statements that move many jobs at once. */
    public static Set<JobState> from(JobEvent event) {
        return Collections.unmodifiableSet(FROM.get(event));
    }

    /** Where a submitted job starts: behind a budget hold that covers it, else in line for a slot. */
    public static JobState initial(boolean heldForBudget) {
        return heldForBudget ? JobState.WAITING_FOR_BUDGET : JobState.WAITING_FOR_SLOT;
    }

    /** The state the provider reports a job in ({@code fine_tuning.job.status}); an unknown status counts as running. */
    public static JobState ofProviderStatus(String status) {
        return switch (status) {
            case "validating_files" -> JobState.VALIDATING_FILES;
            case "queued" -> JobState.QUEUED;
            case "running" -> JobState.RUNNING;
            case "paused" -> JobState.PAUSED;
            case "succeeded" -> JobState.SUCCEEDED;
            case "failed" -> JobState.FAILED;
            case "cancelled" -> JobState.CANCELLED;
            default -> JobState.RUNNING;
        };
    }

    /** The event of the provider reporting a job in {@code state}. */
    public static JobEvent reported(JobState state) {
        return switch (state) {
            case VALIDATING_FILES -> JobEvent.PROVIDER_VALIDATING_FILES;
            case QUEUED -> JobEvent.PROVIDER_QUEUED;
            case RUNNING -> JobEvent.PROVIDER_RUNNING;
            case PAUSED -> JobEvent.PROVIDER_PAUSED;
            case SUCCEEDED -> JobEvent.PROVIDER_SUCCEEDED;
            case FAILED -> JobEvent.PROVIDER_FAILED;
            case CANCELLED -> JobEvent.PROVIDER_CANCELLED;
            default -> throw new IllegalArgumentException("the provider never reports a job " + state.wire());
        };
    }

    /**
     * How a paused job resumes: on the provider when it is there, else back to the wait it was paused in (in
     * line for a slot when it was paused before any wait was recorded).
     */
    public static JobEvent resumption(JobState pausedFrom, boolean onProvider) {
        if (onProvider) {
            return JobEvent.RESUMED_ON_PROVIDER;
        }
        return pausedFrom == JobState.WAITING_FOR_BUDGET ? JobEvent.RESUMED_WAITING_FOR_BUDGET : JobEvent.RESUMED_WAITING_FOR_SLOT;
    }

    private static void from(JobEvent event, Set<JobState> states) {
        FROM.put(event, EnumSet.copyOf(states));
    }

    private static Set<JobState> union(Set<JobState> a, Set<JobState> b) {
        EnumSet<JobState> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    /** A move to a state, or a refusal with its reason. */
    public sealed interface Decision {
        record Move(JobState to) implements Decision {
        }

        record Refused(JobRefusal why) implements Decision {
        }
    }
}
