package io.tuneforge.training.lifecycle;

import io.tuneforge.training.domain.JobState;

/** A user's command on a job that {@link JobStateMachine} refuses in the job's state (cancel a finished job, resume a running one). */
public class JobConflict extends RuntimeException {

    private final String jobId;
    private final JobState state;
    private final JobEvent event;
    private final JobRefusal why;

    public JobConflict(String jobId, JobState state, JobEvent event, JobRefusal why) {
        super("job " + jobId + " is " + state.wire() + ": " + event + " refused (" + why + ")");
        this.jobId = jobId;
        this.state = state;
        this.event = event;
        this.why = why;
    }

    public String jobId() {
        return jobId;
    }

    public JobState state() {
        return state;
    }

    public JobEvent event() {
        return event;
    }

    public JobRefusal why() {
        return why;
    }
}
