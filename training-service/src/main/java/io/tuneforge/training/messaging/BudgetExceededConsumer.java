package io.tuneforge.training.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import io.tuneforge.training.budget.BudgetHolds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Holds new and waiting jobs while a hard-stop budget is exceeded ({@code budget.exceeded}): the tenant's, or
 * only one pipeline's when the budget is scoped to it.
 */
@ApplicationScoped
public class BudgetExceededConsumer {

    static final String CONSUMER = "budget-holds";
    private static final Logger LOG = Logger.getLogger(BudgetExceededConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    BudgetHolds holds;

    @Incoming("budget-exceeded")
    @Blocking
    public CompletionStage<Void> onBudgetExceeded(Message<String> message) {
        return inbox.process(CONSUMER, message, BudgetExceeded.class, this::apply);
    }

    void apply(ReceivedEvent<BudgetExceeded> event) {
        BudgetExceeded exceeded = event.payload();
        // A soft budget only warns; jobs keep running.
        if (exceeded.hardStop()) {
            boolean held = holds.hold(event.tenantId(), exceeded.budgetId(), exceeded.month(), exceeded.limitUsd(),
                    exceeded.spentUsd(), exceeded.pipelineId(), exceeded.crossedAt());
            if (!held) {
                LOG.infof("budget %s of tenant %s: excess of %s already restored; no hold", exceeded.budgetId(), event.tenantId(),
                        exceeded.crossedAt());
            }
        }
    }
}
