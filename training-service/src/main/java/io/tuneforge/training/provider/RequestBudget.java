package io.tuneforge.training.provider;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An account's requests-per-minute over all replicas: a fixed one-minute window per account in
 * PostgreSQL ({@code provider_request_window}), counted with one atomic upsert per call, so N replicas
 * together never send more than the limit in a minute. Over budget, a call is refused before it is
 * sent, as a RATE_LIMITED {@link ProviderException} that waits for the next minute.
 *
 * <p>A replica whose clock lags does not move the window back: it counts against the newer window.
 */
@ApplicationScoped
public class RequestBudget {

    private static final String TAKE_ONE = """
            insert into provider_request_window as w (account_id, window_start, used) values (?1, ?2, 1)
            on conflict (account_id) do update
                set used = case when w.window_start < excluded.window_start then 1 else w.used + 1 end,
                    window_start = greatest(w.window_start, excluded.window_start)
                where w.window_start < excluded.window_start or w.used < ?3
            returning used""";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    RequestBudget() {
    }

    /** For tests: another user of the same database, as a second replica would be. */
    RequestBudget(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void acquire(ProviderConnection account) {
        int perMinute = account.requestsPerMinute();
        if (perMinute <= 0) {
            return;
        }
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        // Its own short transaction: the window row is locked only for the upsert, never across a provider call.
        List<?> granted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(TAKE_ONE)
                .setParameter(1, account.accountId()).setParameter(2, window).setParameter(3, perMinute).getResultList());
        if (granted.isEmpty()) {
            Duration untilNextWindow = Duration.between(now, window.plus(Duration.ofMinutes(1)));
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, 429, "account_requests_per_minute",
                    "account " + account.accountId() + " has used its requests_per_minute (" + perMinute + ") in this minute; "
                            + "the call waits for the next one", untilNextWindow.isNegative() ? Duration.ofSeconds(1) : untilNextWindow,
                    null);
        }
    }
}
