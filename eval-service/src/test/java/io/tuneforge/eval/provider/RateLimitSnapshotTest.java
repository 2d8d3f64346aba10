package io.tuneforge.eval.provider;

import com.openai.core.http.Headers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitSnapshotTest {

    @Test
    void readsOpenAisResetFormat() {
        // The formats OpenAI documents for x-ratelimit-reset-* ("1s", "6m0s") and the simulator sends ("120ms", "1.5s").
        assertThat(RateLimitSnapshot.parseDuration("1s")).contains(Duration.ofSeconds(1));
        assertThat(RateLimitSnapshot.parseDuration("6m0s")).contains(Duration.ofMinutes(6));
        assertThat(RateLimitSnapshot.parseDuration("120ms")).contains(Duration.ofMillis(120));
        assertThat(RateLimitSnapshot.parseDuration("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(RateLimitSnapshot.parseDuration("1h2m3s")).contains(Duration.ofSeconds(3723));
        assertThat(RateLimitSnapshot.parseDuration("soon")).isEmpty();
        assertThat(RateLimitSnapshot.parseDuration("")).isEmpty();
    }

    @Test
    void missingOrGarbledHeadersAreUnknownNotZero() {
        RateLimitSnapshot snapshot = RateLimitSnapshot.of(Headers.builder().put("x-ratelimit-remaining-requests", "12")
                .put("x-ratelimit-reset-requests", "250ms").put("x-ratelimit-remaining-tokens", "lots").build());
        assertThat(snapshot.remainingRequests()).contains(12L);
        assertThat(snapshot.resetRequests()).contains(Duration.ofMillis(250));
        assertThat(snapshot.remainingTokens()).isEqualTo(Optional.empty());
        assertThat(snapshot.resetTokens()).isEmpty();
    }
}
