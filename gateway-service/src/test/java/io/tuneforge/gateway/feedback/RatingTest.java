package io.tuneforge.gateway.feedback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatingTest {

    @Test
    void thumbsAndStarsShareOneScale() {
        assertThat(Rating.parse("up")).hasValueSatisfying(r -> assertThat(r.score()).isEqualTo(1.0));
        assertThat(Rating.parse("DOWN")).hasValueSatisfying(r -> assertThat(r.negative()).isTrue());
        assertThat(Rating.parse("1")).hasValueSatisfying(r -> assertThat(r.score()).isZero());
        assertThat(Rating.parse("2")).hasValueSatisfying(r -> assertThat(r.negative()).isTrue());
        assertThat(Rating.parse("3")).hasValueSatisfying(r -> {
            assertThat(r.score()).isEqualTo(0.5);
            assertThat(r.negative()).isFalse();
        });
        assertThat(Rating.parse("6")).isEmpty();
        assertThat(Rating.parse("meh")).isEmpty();
        assertThat(Rating.parse(null)).isEmpty();
    }
}
