package io.tuneforge.training.monitoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingDiagnosisTest {

    /** 4 epochs of 5 steps; losses per epoch as given. */
    private static List<MetricPoint> curve(double[] train, double[] valid) {
        List<MetricPoint> points = new ArrayList<>();
        for (int e = 0; e < train.length; e++) {
            for (int s = 1; s <= 5; s++) {
                points.add(new MetricPoint(e * 5L + s, train.length * 5L, train[e], valid == null ? null : valid[e], null));
            }
        }
        return points;
    }

    @Test
    void risingValidationLossIsOverfittingWithTheBestEpoch() {
        List<Advisory> advisories = TrainingDiagnosis.of(curve(new double[]{2.0, 1.2, 0.6, 0.2}, new double[]{2.1, 1.5, 1.9, 2.4}), 4);
        Advisory overfit = advisories.stream().filter(a -> a.code().equals("overfitting")).findFirst().orElseThrow();
        assertThat(overfit.bestEpoch()).isEqualTo(2);
        assertThat(overfit.advice()).contains("n_epochs=2");
        assertThat(advisories).extracting(Advisory::code).contains("train_validation_gap").doesNotContain("training_loss_flat");
    }

    @Test
    void flatTrainingLossIsReported() {
        assertThat(TrainingDiagnosis.of(curve(new double[]{1.0, 1.0, 0.99, 0.98}, null), 4)).extracting(Advisory::code)
                .containsExactly("training_loss_flat");
    }

    @Test
    void healthyRunHasNoAdvisory() {
        assertThat(TrainingDiagnosis.of(curve(new double[]{2.0, 1.0, 0.6, 0.5}, new double[]{2.1, 1.1, 0.7, 0.65}), 4)).isEmpty();
        assertThat(TrainingDiagnosis.of(List.of(), 3)).isEmpty();
    }
}
