package io.tuneforge.training.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingEstimateTest {

    @Test
    void estimateIsTokensTimesTheAskedOrAutoEpochs() {
        TrainingData data = new TrainingData();
        data.exampleCount = 50;
        data.trainExamples = 20L;
        data.billableTokens = 1_000;
        assertThat(TrainingEstimate.trainedTokens(data, new Hyperparameters(4, null, null, null))).isEqualTo(4_000);
        assertThat(TrainingEstimate.trainedTokens(data, new Hyperparameters("auto", null, null, null))).isEqualTo(5_000);
        assertThat(TrainingEstimate.trainedTokens(data, Hyperparameters.AUTO)).isEqualTo(5_000);
        data.trainExamples = null;
        assertThat(TrainingEstimate.trainedTokens(data, Hyperparameters.AUTO)).as("older versions: all examples").isEqualTo(3_000);
    }
}
