package io.tuneforge.training.domain;

import io.tuneforge.events.job.AutoEpochs;
/**
 * How many tokens a job is expected to be billed for: one epoch over the train split (the version's
 * billable tokens) times the epochs. {@code n_epochs: "auto"} is resolved on the train split's examples
 * with the published rule every service shares ({@link AutoEpochs}).
 * The one place training-service estimates; {@code job.queued} and the cost reservation both use it.
 */
public final class TrainingEstimate {

    private TrainingEstimate() {
    }

    /** The epochs the job will run: the asked number, or auto resolved on the train split; null when unknown. */
    public static Integer epochs(TrainingData data, Hyperparameters h) {
        if (h != null && h.nEpochs() instanceof Number n) {
            return n.intValue();
        }
        return AutoEpochs.forExamples(data.trainExamples != null ? data.trainExamples : data.exampleCount);
    }

    /** Tokens x epochs, or null when the epochs cannot be known. */
    public static Long trainedTokens(TrainingData data, Hyperparameters h) {
        Integer epochs = epochs(data, h);
        return epochs == null ? null : data.billableTokens * epochs;
    }
}
