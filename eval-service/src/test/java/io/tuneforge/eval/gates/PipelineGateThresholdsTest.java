package io.tuneforge.eval.gates;

import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.events.eval.GateThresholds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A pipeline's gates (GateThresholds on job.succeeded) reach the human-review gate too. */
class PipelineGateThresholdsTest {

    @Test
    void aPipelinesMinHumanReviewsDecidesWhenTheHumanGateCountsAndNullTakesTheDefault() {
        GateSettings three = GateSettings.from(new GateThresholds(null, null, null, null, null, null, null, 3));
        assertThat(QualityGates.humanGateDecides(three, 2)).isFalse();
        assertThat(QualityGates.humanGateDecides(three, 3)).isTrue();

        GateSettings unset = GateSettings.from(new GateThresholds(0.1, null, null, null, null, null, null));
        assertThat(unset.minHumanReviews()).isEqualTo(GateSettings.DEFAULTS.minHumanReviews());
        assertThat(QualityGates.humanGateDecides(unset, 3)).isFalse();
    }
}
