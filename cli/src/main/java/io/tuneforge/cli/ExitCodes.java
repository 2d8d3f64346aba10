package io.tuneforge.cli;

/** What a script can rely on; the README lists them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** bad arguments, missing file or key: fix the command line */
    public static final int USAGE = 1;
    /** the service answered with an error (problem+json title and detail are printed) */
    public static final int API_ERROR = 2;
    /** nothing answered, or the local stack is not (fully) up */
    public static final int CONNECTION_FAILURE = 3;
    /** the upload was validated and rejected: the findings say which lines */
    public static final int DATASET_REJECTED = 4;
    /** the local stack failed to start or stop */
    public static final int STACK_FAILURE = 5;
    /** the watched job ended failed or cancelled ({@code jobs watch}, {@code jobs create --watch}) */
    public static final int JOB_NOT_SUCCEEDED = 6;
    /** the evaluation's gates rejected the candidate ({@code evals run --wait}, {@code evals show}) */
    public static final int EVAL_REJECTED = 7;
    /** waited as long as asked and it had not finished */
    public static final int TIMED_OUT = 8;
    /** the CLI's heap was too small for the input ({@code TUNEFORGE_CLI_HEAP} raises it) */
    public static final int OUT_OF_MEMORY = 9;

    private ExitCodes() {
    }
}
