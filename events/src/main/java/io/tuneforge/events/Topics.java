package io.tuneforge.events;

/**
 * Kafka topic names, {@code <entity>.<past-tense-verb>}. These are public contracts: a name never
 * changes; a breaking payload change gets a new {@code type} version (see {@link EventContract}).
 *
 * <p>Constants (not an enum) because {@code @Incoming}/{@code @Channel} annotations need compile-time
 * strings. Every topic {@code t} has a dead-letter topic {@code t + DEAD_LETTER_SUFFIX}.
 */
public final class Topics {

    public static final String DATASET_VALIDATED = "dataset.validated";
    public static final String DATASET_REJECTED = "dataset.rejected";

    public static final String JOB_QUEUED = "job.queued";
    public static final String JOB_STARTED = "job.started";
    public static final String JOB_PROGRESSED = "job.progressed";
    public static final String JOB_SUCCEEDED = "job.succeeded";
    public static final String JOB_FAILED = "job.failed";
    public static final String JOB_CANCELLED = "job.cancelled";

    public static final String COST_ESTIMATED = "cost.estimated";
    public static final String BUDGET_WARNING = "budget.warning";
    public static final String BUDGET_EXCEEDED = "budget.exceeded";
    public static final String BUDGET_RESTORED = "budget.restored";

    public static final String INFERENCE_USAGE = "inference.usage";

    public static final String EVAL_COMPLETED = "eval.completed";
    public static final String EVAL_FAILED = "eval.failed";

    public static final String RETRAINING_REQUESTED = "retraining.requested";

    public static final String ROLLOUT_ADVANCED = "rollout.advanced";
    public static final String ROLLOUT_ROLLED_BACK = "rollout.rolled_back";
    public static final String FEEDBACK_RECORDED = "feedback.recorded";
    public static final String QUALITY_DEGRADED = "quality.degraded";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
