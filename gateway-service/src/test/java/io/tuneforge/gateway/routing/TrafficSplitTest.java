package io.tuneforge.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficSplitTest {

    @Test
    void aUserKeepsItsArmAndOnlyMovesTowardsTheCandidateAsTheShareGrows() {
        for (int u = 0; u < 500; u++) {
            String user = "user-" + u;
            boolean at10 = TrafficSplit.toCandidate(10, "ro_1", user);
            assertThat(TrafficSplit.toCandidate(10, "ro_1", user)).isEqualTo(at10);
            if (at10) {
                assertThat(TrafficSplit.toCandidate(50, "ro_1", user)).isTrue();
            }
        }
    }

    @Test
    void sharesMatchThePercentageOverManyCallers() {
        long sticky = IntStream.range(0, 10_000).filter(u -> TrafficSplit.toCandidate(10, "ro_2", "u" + u)).count();
        assertThat(sticky).isBetween(800L, 1_200L);
        long random = IntStream.range(0, 10_000).filter(u -> TrafficSplit.toCandidate(50, "ro_2", null)).count();
        assertThat(random).isBetween(4_600L, 5_400L);
        assertThat(TrafficSplit.toCandidate(0, "ro_2", "u")).isFalse();
        assertThat(TrafficSplit.toCandidate(100, "ro_2", null)).isTrue();
    }
}
