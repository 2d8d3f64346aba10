package io.tuneforge.eval.run;

import io.tuneforge.eval.provider.ModelAnswer;
import io.tuneforge.eval.provider.RateLimitSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RatePacerTest {

    private static ModelAnswer answer(Long remainingRequests, String resetRequests, Long remainingTokens, String resetTokens) {
        return new ModelAnswer("x", 5, 90, 10, new RateLimitSnapshot(Optional.ofNullable(remainingRequests),
                Optional.ofNullable(resetRequests).map(r -> Duration.parse(r)), Optional.ofNullable(remainingTokens),
                Optional.ofNullable(resetTokens).map(r -> Duration.parse(r))));
    }

    @Test
    void withoutHeadersTheWaveIsNeverHeldBack() {
        RatePacer pacer = new RatePacer();
        assertThat(pacer.next(8)).isEqualTo(new RatePacer.Plan(8, Duration.ZERO));
        pacer.observe(new ModelAnswer("x", 5, 10, 1));
        assertThat(pacer.next(8).heldBack(8)).isFalse();
    }

    @Test
    void aWaveNeverHoldsMoreCallsThanTheRequestsLeft() {
        RatePacer pacer = new RatePacer();
        pacer.observe(answer(7L, "PT0.2S", null, null));
        pacer.observe(answer(3L, "PT0.3S", null, null));
        RatePacer.Plan plan = pacer.next(8);
        assertThat(plan).as("the answer with the least left counts").isEqualTo(new RatePacer.Plan(3, Duration.ZERO));
        assertThat(plan.heldBack(8)).isTrue();
        assertThat(pacer.next(8)).as("headers are used once: stale after the wave").isEqualTo(new RatePacer.Plan(8, Duration.ZERO));
    }

    @Test
    void withNothingLeftItWaitsForTheResetAndProbesWithOneCall() {
        RatePacer pacer = new RatePacer();
        pacer.observe(answer(0L, "PT0.75S", null, null));
        assertThat(pacer.next(4)).isEqualTo(new RatePacer.Plan(1, Duration.ofMillis(750)));
        pacer.observe(answer(0L, null, null, null));
        assertThat(pacer.next(4)).as("no reset header: a second").isEqualTo(new RatePacer.Plan(1, RatePacer.DEFAULT_RESET));
    }

    @Test
    void tokensLeftLimitTheWaveByTheCallsAverageSize() {
        RatePacer pacer = new RatePacer();
        // 100 tokens per call on average; 250 tokens left: two calls fit.
        pacer.observe(answer(50L, "PT1S", 250L, "PT2S"));
        assertThat(pacer.next(8)).isEqualTo(new RatePacer.Plan(2, Duration.ZERO));
        pacer.observe(answer(50L, "PT1S", 40L, "PT2S"));
        assertThat(pacer.next(8)).isEqualTo(new RatePacer.Plan(1, Duration.ofSeconds(2)));
    }
}
