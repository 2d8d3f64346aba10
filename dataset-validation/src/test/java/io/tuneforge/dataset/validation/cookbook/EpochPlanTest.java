package io.tuneforge.dataset.validation.cookbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochPlanTest {

    @Test
    void followsTheNotebookRule() {
        assertThat(EpochPlan.epochsFor(0)).isNull();
        assertThat(EpochPlan.epochsFor(1)).isEqualTo(25);
        assertThat(EpochPlan.epochsFor(5)).isEqualTo(20);
        assertThat(EpochPlan.epochsFor(34)).isEqualTo(3);
        assertThat(EpochPlan.epochsFor(8333)).isEqualTo(3);
        assertThat(EpochPlan.epochsFor(8334)).isEqualTo(2);
        assertThat(EpochPlan.epochsFor(20938)).isEqualTo(1);
        assertThat(EpochPlan.epochsFor(100_000)).isEqualTo(1);
    }
}
