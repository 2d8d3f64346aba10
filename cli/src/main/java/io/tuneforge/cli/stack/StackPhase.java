package io.tuneforge.cli.stack;

/** Where the supervisor is in its life; `up` waits for RUNNING or FAILED. */
public enum StackPhase {
    STARTING, RUNNING, FAILED, STOPPING, STOPPED
}
