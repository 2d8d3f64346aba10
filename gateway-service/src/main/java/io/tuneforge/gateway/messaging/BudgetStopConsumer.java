package io.tuneforge.gateway.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.Topics;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.gateway.limits.BudgetStops;
import io.tuneforge.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Projects cost-service's budgets into the gateway's hard stop ({@value Topics#BUDGET_EXCEEDED} with
 * {@code hard_stop}, {@value Topics#BUDGET_RESTORED}), once per event (inbox, consumer {@value #CONSUMER}). Each
 * row keeps the time of the event that set it; an older event (redelivered, or read late from the other topic)
 * changes nothing.
 */
@ApplicationScoped
public class BudgetStopConsumer {

    static final String CONSUMER = "budget-stops";

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager em;

    @Inject
    BudgetStops stops;

    @Incoming("budget-exceeded")
    @Blocking
    public CompletionStage<Void> onExceeded(Message<String> message) {
        return inbox.process(CONSUMER, message, BudgetExceeded.class, event -> {
            BudgetExceeded b = event.payload();
            upsert(event.tenantId(), b.budgetId(), b.pipelineId(), b.month(), b.hardStop(), b.limitUsd(), b.spentUsd(), b.crossedAt());
        }).thenRun(stops::reload);
    }

    @Incoming("budget-restored")
    @Blocking
    public CompletionStage<Void> onRestored(Message<String> message) {
        return inbox.process(CONSUMER, message, BudgetRestored.class, event -> {
            BudgetRestored b = event.payload();
            upsert(event.tenantId(), b.budgetId(), b.pipelineId(), b.month(), false, b.limitUsd(), b.spentUsd(), b.restoredAt());
        }).thenRun(stops::reload);
    }

    private void upsert(String tenantId, String budgetId, String pipelineId, String month, boolean stopped, String limit, String spent,
                        Instant at) {
        em.createNativeQuery("""
                        insert into budget_stop (tenant_id, budget_id, pipeline_id, month, stopped, limit_usd, spent_usd, changed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (tenant_id, budget_id) do update set pipeline_id = excluded.pipeline_id, month = excluded.month,
                            stopped = excluded.stopped, limit_usd = excluded.limit_usd, spent_usd = excluded.spent_usd,
                            changed_at = excluded.changed_at
                        where budget_stop.changed_at <= excluded.changed_at""")
                .setParameter(1, tenantId).setParameter(2, budgetId).setParameter(3, pipelineId).setParameter(4, month)
                .setParameter(5, stopped).setParameter(6, limit).setParameter(7, spent).setParameter(8, at).executeUpdate();
    }
}
