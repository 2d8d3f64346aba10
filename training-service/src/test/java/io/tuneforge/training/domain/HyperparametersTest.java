package io.tuneforge.training.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HyperparametersTest {

    @Test
    void openAiBoundsAndAutoAreAccepted() {
        assertThat(new Hyperparameters(1, 256, 10, null).problems("supervised")).isEmpty();
        assertThat(new Hyperparameters("auto", "auto", "auto", "auto").problems("dpo")).isEmpty();
        assertThat(Hyperparameters.AUTO.problems("supervised")).isEmpty();
    }

    @Test
    void outOfBoundsValuesNameTheFieldAndTheRange() {
        assertThat(new Hyperparameters(0, 257, 0.0, null).problems("supervised")).containsExactly(
                "hyperparameters.n_epochs: must be 'auto' or an integer from 1 to 50, got 0",
                "hyperparameters.batch_size: must be 'auto' or an integer from 1 to 256, got 257",
                "hyperparameters.learning_rate_multiplier: must be 'auto' or a number greater than 0 and at most 10, got 0.0");
        assertThat(new Hyperparameters(2.5, "big", null, null).problems("supervised")).hasSize(2);
        assertThat(new Hyperparameters(null, null, null, 0.1).problems("supervised")).singleElement()
                .asString().startsWith("hyperparameters.beta: only applies to method 'dpo'");
    }
}
