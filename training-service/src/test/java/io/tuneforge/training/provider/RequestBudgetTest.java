package io.tuneforge.training.provider;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBudgetTest {

    @Test
    void callsBeyondTheAccountsRateAreRefusedAsRateLimitedNotSent() {
        RequestBudget budget = new RequestBudget();
        ProviderConnection slow = new ProviderConnection("acct_slow", "compatible", "http://x", "k", null, null, null, 2, Instant.EPOCH);
        ProviderConnection other = new ProviderConnection("acct_other", "compatible", "http://x", "k", null, null, null, 2, Instant.EPOCH);
        budget.acquire(slow);
        budget.acquire(slow);
        assertThatThrownBy(() -> budget.acquire(slow)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).isPositive();
        });
        budget.acquire(other);
    }

    @Test
    void connectionNeverPrintsItsKey() {
        assertThat(new ProviderConnection("a", "openai", "https://api.openai.com/v1", "sk-secret-123", null, null, null, 60, Instant.EPOCH))
                .asString().doesNotContain("sk-secret-123");
    }
}
