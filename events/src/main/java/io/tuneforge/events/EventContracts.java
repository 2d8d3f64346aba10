package io.tuneforge.events;

import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.events.budget.BudgetWarning;
import io.tuneforge.events.cost.CostEstimated;
import io.tuneforge.events.dataset.DatasetRejected;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.events.eval.EvalFailed;
import io.tuneforge.events.retraining.RetrainingRequested;
import io.tuneforge.events.inference.InferenceUsage;
import io.tuneforge.events.job.JobCancelled;
import io.tuneforge.events.job.JobFailed;
import io.tuneforge.events.job.JobProgressed;
import io.tuneforge.events.job.JobQueued;
import io.tuneforge.events.job.JobStarted;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.events.feedback.FeedbackRecorded;
import io.tuneforge.events.feedback.QualityDegraded;
import io.tuneforge.events.rollout.RolloutAdvanced;
import io.tuneforge.events.rollout.RolloutRolledBack;

import java.util.List;
import java.util.Optional;

/** The registry of every event the platform publishes. */
public final class EventContracts {

    public static final EventContract<DatasetValidated> DATASET_VALIDATED =
            new EventContract<>(Topics.DATASET_VALIDATED, "io.tuneforge.dataset.validated.v1", DatasetValidated.class);

    public static final EventContract<DatasetRejected> DATASET_REJECTED =
            new EventContract<>(Topics.DATASET_REJECTED, "io.tuneforge.dataset.rejected.v1", DatasetRejected.class);

    public static final EventContract<JobQueued> JOB_QUEUED =
            new EventContract<>(Topics.JOB_QUEUED, "io.tuneforge.job.queued.v1", JobQueued.class);
    public static final EventContract<JobStarted> JOB_STARTED =
            new EventContract<>(Topics.JOB_STARTED, "io.tuneforge.job.started.v1", JobStarted.class);
    public static final EventContract<JobProgressed> JOB_PROGRESSED =
            new EventContract<>(Topics.JOB_PROGRESSED, "io.tuneforge.job.progressed.v1", JobProgressed.class);
    public static final EventContract<JobSucceeded> JOB_SUCCEEDED =
            new EventContract<>(Topics.JOB_SUCCEEDED, "io.tuneforge.job.succeeded.v1", JobSucceeded.class);
    public static final EventContract<JobFailed> JOB_FAILED =
            new EventContract<>(Topics.JOB_FAILED, "io.tuneforge.job.failed.v1", JobFailed.class);
    public static final EventContract<JobCancelled> JOB_CANCELLED =
            new EventContract<>(Topics.JOB_CANCELLED, "io.tuneforge.job.cancelled.v1", JobCancelled.class);

    public static final EventContract<CostEstimated> COST_ESTIMATED =
            new EventContract<>(Topics.COST_ESTIMATED, "io.tuneforge.cost.estimated.v1", CostEstimated.class);
    public static final EventContract<BudgetWarning> BUDGET_WARNING =
            new EventContract<>(Topics.BUDGET_WARNING, "io.tuneforge.budget.warning.v1", BudgetWarning.class);
    public static final EventContract<BudgetExceeded> BUDGET_EXCEEDED =
            new EventContract<>(Topics.BUDGET_EXCEEDED, "io.tuneforge.budget.exceeded.v1", BudgetExceeded.class);
    public static final EventContract<BudgetRestored> BUDGET_RESTORED =
            new EventContract<>(Topics.BUDGET_RESTORED, "io.tuneforge.budget.restored.v1", BudgetRestored.class);

    public static final EventContract<InferenceUsage> INFERENCE_USAGE =
            new EventContract<>(Topics.INFERENCE_USAGE, "io.tuneforge.inference.usage.v1", InferenceUsage.class);

    public static final EventContract<EvalCompleted> EVAL_COMPLETED =
            new EventContract<>(Topics.EVAL_COMPLETED, "io.tuneforge.eval.completed.v1", EvalCompleted.class);
    public static final EventContract<EvalFailed> EVAL_FAILED =
            new EventContract<>(Topics.EVAL_FAILED, "io.tuneforge.eval.failed.v1", EvalFailed.class);

    public static final EventContract<RetrainingRequested> RETRAINING_REQUESTED =
            new EventContract<>(Topics.RETRAINING_REQUESTED, "io.tuneforge.retraining.requested.v1", RetrainingRequested.class);

    public static final EventContract<RolloutAdvanced> ROLLOUT_ADVANCED =
            new EventContract<>(Topics.ROLLOUT_ADVANCED, "io.tuneforge.rollout.advanced.v1", RolloutAdvanced.class);
    public static final EventContract<RolloutRolledBack> ROLLOUT_ROLLED_BACK =
            new EventContract<>(Topics.ROLLOUT_ROLLED_BACK, "io.tuneforge.rollout.rolled_back.v1", RolloutRolledBack.class);
    public static final EventContract<FeedbackRecorded> FEEDBACK_RECORDED =
            new EventContract<>(Topics.FEEDBACK_RECORDED, "io.tuneforge.feedback.recorded.v1", FeedbackRecorded.class);
    public static final EventContract<QualityDegraded> QUALITY_DEGRADED =
            new EventContract<>(Topics.QUALITY_DEGRADED, "io.tuneforge.quality.degraded.v1", QualityDegraded.class);

    private static final List<EventContract<?>> ALL = List.of(DATASET_VALIDATED, DATASET_REJECTED,
            JOB_QUEUED, JOB_STARTED, JOB_PROGRESSED, JOB_SUCCEEDED, JOB_FAILED, JOB_CANCELLED,
            COST_ESTIMATED, BUDGET_WARNING, BUDGET_EXCEEDED, BUDGET_RESTORED, INFERENCE_USAGE,
            EVAL_COMPLETED, EVAL_FAILED,
            RETRAINING_REQUESTED,
            ROLLOUT_ADVANCED, ROLLOUT_ROLLED_BACK, FEEDBACK_RECORDED, QUALITY_DEGRADED);

    private EventContracts() {
    }

    public static List<EventContract<?>> all() {
        return ALL;
    }

    public static Optional<EventContract<?>> byType(String type) {
        return ALL.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> EventContract<T> forPayload(Class<T> payloadType) {
        return (EventContract<T>) ALL.stream()
                .filter(c -> c.payloadType().equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no event contract for " + payloadType.getName() + "; register it in EventContracts"));
    }
}
