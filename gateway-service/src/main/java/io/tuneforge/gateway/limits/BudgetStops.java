package io.tuneforge.gateway.limits;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hard stops of cost-service's budgets for inference: table {@code budget_stop} (written by
 * {@link io.tuneforge.gateway.messaging.BudgetStopConsumer}) is read into memory on start, after each event this
 * replica consumes, and every {@code tuneforge.gateway.budgets.refresh-every} (another replica may have consumed
 * it), so a call asks no database. A stop counts only in its own month: a new month frees it even before
 * cost-service's {@code new_month} restore arrives.
 */
@ApplicationScoped
public class BudgetStops {

    private static final Logger LOG = Logger.getLogger(BudgetStops.class);

    /** One stopped budget: {@code pipelineId} null = the tenant's whole spend. */
    public record Stop(String budgetId, String pipelineId, String month, String limitUsd, String spentUsd) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private volatile Map<String, List<Stop>> byTenant = Map.of();

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    @Scheduled(identity = "gateway-budget-stops", every = "${tuneforge.gateway.budgets.refresh-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        reload();
    }

    /** {@link #refresh()}, keeping the previous snapshot (logged) when the database cannot be read. */
    public void reload() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The last snapshot keeps serving; the next tick retries.
            LOG.warnf("reading budget stops failed, the previous snapshot stays in force: %s", e);
        }
    }

    /** Reads every stopped budget (a small table: one row per budget that was ever exceeded). */
    public void refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select tenant_id, budget_id, pipeline_id, month, limit_usd, spent_usd from budget_stop where stopped").getResultList());
        Map<String, List<Stop>> next = new HashMap<>();
        for (Object[] row : rows) {
            next.computeIfAbsent((String) row[0], t -> new ArrayList<>())
                    .add(new Stop((String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5]));
        }
        byTenant = next;
    }

    /** The budget that stops this call, if any: the tenant's own, or the one of the pipeline the call is attributed to. */
    public Optional<Stop> stopping(String tenantId, String pipelineId) {
        List<Stop> stops = byTenant.get(tenantId);
        if (stops == null) {
            return Optional.empty();
        }
        String month = YearMonth.from(Instant.now(clock).atOffset(ZoneOffset.UTC)).toString();
        return stops.stream().filter(s -> s.month().equals(month))
                .filter(s -> s.pipelineId() == null || s.pipelineId().equals(pipelineId)).findFirst();
    }
}
