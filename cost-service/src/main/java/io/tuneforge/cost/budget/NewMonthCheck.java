package io.tuneforge.cost.budget;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tuneforge.cost.domain.Budget;
import io.tuneforge.cost.domain.BudgetAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Nothing is booked at midnight on the 1st, so a new month is noticed by polling: every
 * {@code tuneforge.cost.restore-check-every} (default 60s) each budget still marked exceeded in an
 * earlier month is restored ({@code budget.restored}, reason {@code new_month}). Every replica runs it;
 * the restore is claimed on the alert row in the database, so only one of them announces it.
 */
@ApplicationScoped
public class NewMonthCheck {

    private static final Logger LOG = Logger.getLogger(NewMonthCheck.class);

    @Inject
    BudgetGuard guard;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Scheduled(identity = "cost-new-month-check", every = "${tuneforge.cost.restore-check-every:60s}",
            delayed = "${tuneforge.cost.restore-check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** @return how many restores this call announced */
    public int run() {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        List<String> budgetIds = QuarkusTransaction.requiringNew().call(() -> BudgetAlert.budgetsOpenBefore(em, month));
        int announced = 0;
        for (String budgetId : budgetIds) {
            try {
                // One transaction per budget: a failure leaves the others restored and this one open for the next run.
                boolean restored = QuarkusTransaction.requiringNew().call(() ->
                        Budget.<Budget>findByIdOptional(budgetId, LockModeType.PESSIMISTIC_WRITE)
                                .map(budget -> guard.monthBegan(budget, month)).orElse(false));
                announced += restored ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warnf(e, "new-month restore of budget %s failed; retried on the next run", budgetId);
            }
        }
        return announced;
    }
}
