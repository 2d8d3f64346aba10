package io.tuneforge.training.lifecycle;

import io.tuneforge.training.domain.JobState;

/**
 * What can happen to a job, each with the one state it leads to. Where a job may come from is in
 * {@link JobStateMachine}; the states an event applies to are derived from there, never written again.
 */
public enum JobEvent {
    /** A budget hold covers the job, or cost-service held it or could not be asked. */
    HELD_FOR_BUDGET(JobState.WAITING_FOR_BUDGET),
    /** No hold covers the job any more: back in line for a slot. */
    BUDGET_RELEASED(JobState.WAITING_FOR_SLOT),
    /** Given a provider slot: its files are uploaded and the provider job created next. */
    ADMITTED(JobState.UPLOADING),
    /** The provider rate-limited the creation (429): back in line for a slot, never a failure. */
    RATE_LIMITED(JobState.WAITING_FOR_SLOT),
    /** The provider job exists. */
    CREATED(JobState.VALIDATING_FILES),
    PROVIDER_VALIDATING_FILES(JobState.VALIDATING_FILES),
    PROVIDER_QUEUED(JobState.QUEUED),
    PROVIDER_RUNNING(JobState.RUNNING),
    PROVIDER_PAUSED(JobState.PAUSED),
    PROVIDER_SUCCEEDED(JobState.SUCCEEDED),
    PROVIDER_FAILED(JobState.FAILED),
    PROVIDER_CANCELLED(JobState.CANCELLED),
    /** tuneforge fails the job: a refused call, unreadable data, or transient failures that never stopped. */
    GAVE_UP(JobState.FAILED),
    /** The user cancelled it (applied at once before the provider knows the job, by the driver after). */
    CANCELLED(JobState.CANCELLED),
    /** The user paused it (a running job only once the provider paused it). */
    PAUSED(JobState.PAUSED),
    RESUMED_WAITING_FOR_SLOT(JobState.WAITING_FOR_SLOT),
    RESUMED_WAITING_FOR_BUDGET(JobState.WAITING_FOR_BUDGET),
    /** The provider resumed it. */
    RESUMED_ON_PROVIDER(JobState.RUNNING);

    private final JobState target;

    JobEvent(JobState target) {
        this.target = target;
    }

    public JobState target() {
        return target;
    }
}
