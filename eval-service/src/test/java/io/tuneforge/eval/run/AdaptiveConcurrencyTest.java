package io.tuneforge.eval.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveConcurrencyTest {

    @Test
    void halvesOnThrottlingWaitsTheRetryAfterAndClimbsBackOneByOne() {
        AdaptiveConcurrency concurrency = new AdaptiveConcurrency(8);
        concurrency.throttled(Duration.ofMillis(700));
        assertThat(concurrency.current()).isEqualTo(4);
        assertThat(concurrency.backoff()).isEqualTo(Duration.ofMillis(700));
        concurrency.throttled(Duration.ofSeconds(1));
        concurrency.throttled(Duration.ofSeconds(1));
        concurrency.throttled(Duration.ofSeconds(1));
        assertThat(concurrency.current()).as("never below one").isEqualTo(1);
        concurrency.clean();
        assertThat(concurrency.current()).isEqualTo(2);
        assertThat(concurrency.backoff()).isZero();
        for (int i = 0; i < 20; i++) {
            concurrency.clean();
        }
        assertThat(concurrency.current()).as("never above the run's maximum").isEqualTo(8);
    }
}
