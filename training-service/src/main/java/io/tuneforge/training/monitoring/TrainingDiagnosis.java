package io.tuneforge.training.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a job's loss curves the way a practitioner would. Per-step losses are noisy (one batch), so
 * curves are compared by epoch means.
 */
public final class TrainingDiagnosis {

    /** Relative drop of training loss from the first to the last epoch below which it "did not decrease". */
    static final double MIN_TRAIN_IMPROVEMENT = 0.05;
    /** Relative rise of validation loss over its best epoch that counts as overfitting. */
    static final double OVERFIT_RISE = 0.05;
    /** Validation loss this much above training loss at the end is a large gap. */
    static final double GAP_RATIO = 1.5;

    private TrainingDiagnosis() {
    }

    public static List<Advisory> of(List<MetricPoint> points, int epochs) {
        List<Advisory> advisories = new ArrayList<>();
        if (points.isEmpty() || epochs < 1) {
            return advisories;
        }
        long totalSteps = points.stream().map(MetricPoint::totalSteps).filter(t -> t != null && t > 0).findFirst()
                .orElse(points.get(points.size() - 1).step());
        double[] train = epochMeans(points, epochs, totalSteps, true);
        double[] valid = epochMeans(points, epochs, totalSteps, false);

        int first = firstDefined(train);
        int last = lastDefined(train);
        if (first >= 0 && last > first && train[last] > train[first] * (1 - MIN_TRAIN_IMPROVEMENT)) {
            advisories.add(new Advisory("training_loss_flat", String.format(
                    "Training loss did not decrease: %.3f in epoch %d, %.3f in epoch %d.", train[first], first + 1, train[last], last + 1),
                    "The model is not learning from the data: check that the examples are consistent (same task, same format), "
                            + "raise learning_rate_multiplier, or add examples.", null));
        }
        int best = -1;
        for (int e = 0; e < valid.length; e++) {
            if (!Double.isNaN(valid[e]) && (best < 0 || valid[e] < valid[best])) {
                best = e;
            }
        }
        int lastValid = lastDefined(valid);
        if (best >= 0 && lastValid > best && valid[lastValid] > valid[best] * (1 + OVERFIT_RISE)) {
            advisories.add(new Advisory("overfitting", String.format(
                    "Validation loss rose from %.3f (epoch %d, the best) to %.3f (epoch %d) while training loss kept falling.",
                    valid[best], best + 1, valid[lastValid], lastValid + 1),
                    "The model memorises the training examples: train for " + (best + 1) + " epoch(s) (n_epochs=" + (best + 1)
                            + "), use the epoch " + (best + 1) + " checkpoint, or add more varied examples.", best + 1));
        }
        if (lastValid >= 0 && last >= 0 && train[last] > 0 && valid[lastValid] > train[last] * GAP_RATIO) {
            advisories.add(new Advisory("train_validation_gap", String.format(
                    "Validation loss %.3f is far above training loss %.3f at the end of training.", valid[lastValid], train[last]),
                    "The validation examples differ from the training ones or the model overfits: check that both splits come "
                            + "from the same distribution, lower n_epochs, or add data.", best >= 0 ? best + 1 : null));
        }
        return advisories;
    }

    private static double[] epochMeans(List<MetricPoint> points, int epochs, long totalSteps, boolean train) {
        double[] sums = new double[epochs];
        int[] counts = new int[epochs];
        double stepsPerEpoch = Math.max(1.0, (double) totalSteps / epochs);
        for (MetricPoint p : points) {
            Double loss = train ? p.trainLoss() : (p.fullValidLoss() != null ? p.fullValidLoss() : p.validLoss());
            if (loss == null) {
                continue;
            }
            int epoch = (int) Math.min(epochs - 1, Math.max(0, Math.ceil(p.step() / stepsPerEpoch) - 1));
            sums[epoch] += loss;
            counts[epoch]++;
        }
        double[] means = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            means[e] = counts[e] == 0 ? Double.NaN : sums[e] / counts[e];
        }
        return means;
    }

    private static int firstDefined(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int lastDefined(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
