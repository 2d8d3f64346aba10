package io.tuneforge.events.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoEpochsTest {

    @Test
    void followsTheCookbookRule() {
        assertThat(AutoEpochs.forExamples(5)).as("the cookbook's toy file: 100 // 5").isEqualTo(20);
        assertThat(AutoEpochs.forExamples(1)).as("capped at 25").isEqualTo(25);
        assertThat(AutoEpochs.forExamples(34)).as("34*3 = 102 >= 100").isEqualTo(3);
        assertThat(AutoEpochs.forExamples(33)).as("33*3 = 99 < 100 -> 100 // 33").isEqualTo(3);
        assertThat(AutoEpochs.forExamples(20)).isEqualTo(5);
        assertThat(AutoEpochs.forExamples(8_333)).isEqualTo(3);
        assertThat(AutoEpochs.forExamples(8_334)).as("over 25,000 examples seen -> 25000 // n").isEqualTo(2);
        assertThat(AutoEpochs.forExamples(62_757)).as("at least one").isEqualTo(1);
    }

    @Test
    void anEmptyTrainingSetHasNothingToResolve() {
        assertThat(AutoEpochs.forExamples(0)).isNull();
    }
}
