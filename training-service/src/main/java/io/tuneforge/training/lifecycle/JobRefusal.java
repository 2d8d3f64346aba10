package io.tuneforge.training.lifecycle;

/** Why {@link JobStateMachine} refuses an event in a state. */
public enum JobRefusal {
    /** The job is final; nothing changes it any more. */
    FINISHED,
    /** Only waiting or running jobs can be paused. */
    NOT_PAUSABLE,
    /** Only paused jobs resume. */
    NOT_PAUSED,
    /** The event does not happen in this state (a caller's bug, never a user's doing). */
    NOT_IN_THIS_STATE
}
