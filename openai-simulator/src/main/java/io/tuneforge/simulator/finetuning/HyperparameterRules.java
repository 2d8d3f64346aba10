package io.tuneforge.simulator.finetuning;

import io.tuneforge.simulator.learning.TrainingMethod;

/**
 * How "auto" is resolved, following OpenAI's published rules: three epochs, raised so a small file is
 * seen at least 100 times in total and lowered so a large one is not seen more than 25,000 times;
 * batch size about 0.2% of the examples; the learning-rate multiplier current jobs report.
 */
public final class HyperparameterRules {

    static final int MIN_TARGET_EXAMPLES = 100;
    static final int MAX_TARGET_EXAMPLES = 25_000;
    static final int MAX_DEFAULT_EPOCHS = 25;
    static final int DEFAULT_EPOCHS = 3;

    private HyperparameterRules() {}

    public record Resolved(int epochs, int batchSize, double learningRateMultiplier, double beta) {}

    public static Resolved resolve(JobHyperparameters requested, int examples, TrainingMethod method) {
        int epochs = requested.nEpochs() instanceof Number n ? n.intValue() : autoEpochs(examples);
        int batch = requested.batchSize() instanceof Number b ? b.intValue() : autoBatchSize(examples);
        double lr = requested.learningRateMultiplier() instanceof Number l ? l.doubleValue() : 1.8;
        double beta = requested.beta() instanceof Number b ? b.doubleValue() : 0.1;
        return new Resolved(epochs, Math.min(batch, Math.max(1, examples)), lr, method == TrainingMethod.DPO ? beta : 0);
    }

    static int autoEpochs(int examples) {
        if ((long) examples * DEFAULT_EPOCHS < MIN_TARGET_EXAMPLES) {
            // Integer division, as the cookbook's rule does: 30 examples get 3 epochs (90 seen), not 4.
            return Math.min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES / Math.max(1, examples));
        }
        if ((long) examples * DEFAULT_EPOCHS > MAX_TARGET_EXAMPLES) {
            return Math.max(1, MAX_TARGET_EXAMPLES / examples);
        }
        return DEFAULT_EPOCHS;
    }

    static int autoBatchSize(int examples) {
        return (int) Math.max(1, Math.min(256, Math.ceil(examples * 0.002)));
    }
}
