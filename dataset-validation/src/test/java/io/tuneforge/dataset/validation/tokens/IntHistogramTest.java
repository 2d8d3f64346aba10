package io.tuneforge.dataset.validation.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntHistogramTest {

    @Test
    void quantilesEqualNumpyLinear() {
        IntHistogram h = new IntHistogram();
        for (int v : new int[] {26, 45, 8032, 27, 211}) {
            h.add(v);
        }
        Distribution d = h.distribution();
        // np.quantile([26, 27, 45, 211, 8032], [0.1, 0.5, 0.9])
        assertThat(d.p10()).isEqualTo(26.4);
        assertThat(d.p50()).isEqualTo(45.0);
        assertThat(d.p90()).isEqualTo(4903.6);
        assertThat(d.mean()).isEqualTo(1668.2);
        assertThat(d.min()).isEqualTo(26.0);
        assertThat(d.max()).isEqualTo(8032.0);
    }

    @Test
    void largeValuesGoThroughTheSparsePart() {
        IntHistogram h = new IntHistogram();
        h.add(100_000);
        h.add(3);
        h.add(70_000);
        assertThat(h.distribution().p50()).isEqualTo(70_000.0);
        assertThat(h.distribution().max()).isEqualTo(100_000.0);
    }

    @Test
    void emptyIsAllNull() {
        assertThat(new IntHistogram().distribution()).isEqualTo(Distribution.EMPTY);
    }
}
