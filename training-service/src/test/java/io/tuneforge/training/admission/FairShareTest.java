package io.tuneforge.training.admission;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FairShareTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void accountLimitIsNeverExceeded() {
        List<FairShare.Candidate> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(new FairShare.Candidate("j" + i, "acct", "acme", 50, T0.plusSeconds(i)));
        }
        assertThat(FairShare.admit(waiting, Map.of("acct", 3), Map.of("acct", Map.of("acme", 1L)), 100)).containsExactly("j0", "j1");
    }

    @Test
    void tenantsAlternateOnASharedAccountWhateverTheirBacklog() {
        List<FairShare.Candidate> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(new FairShare.Candidate("a" + i, "acct", "acme", 50, T0.plusSeconds(i)));
        }
        waiting.add(new FairShare.Candidate("g0", "acct", "globex", 50, T0.plusSeconds(100)));
        waiting.add(new FairShare.Candidate("g1", "acct", "globex", 50, T0.plusSeconds(101)));
        assertThat(FairShare.admit(waiting, Map.of("acct", 4), Map.of(), 100)).containsExactly("a0", "g0", "a1", "g1");
    }

    @Test
    void withinATenantHigherPriorityGoesFirstAndQuotaCapsTheTenant() {
        List<FairShare.Candidate> waiting = List.of(
                new FairShare.Candidate("low", "acct", "acme", 10, T0),
                new FairShare.Candidate("high", "acct", "acme", 90, T0.plusSeconds(5)),
                new FairShare.Candidate("other", "acct2", "acme", 50, T0));
        assertThat(FairShare.admit(waiting, Map.of("acct", 5, "acct2", 5), Map.of("acct2", Map.of("acme", 1L)), 2))
                .containsExactly("high");
    }
}
