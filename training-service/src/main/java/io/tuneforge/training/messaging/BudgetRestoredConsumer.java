package io.tuneforge.training.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import io.tuneforge.training.budget.BudgetHolds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * A budget stopped holding jobs ({@code budget.restored}): its hold is lifted and the jobs it held go
 * back in line at the next scheduler tick; jobs cost-service held in its scope are checked again.
 */
@ApplicationScoped
public class BudgetRestoredConsumer {

    static final String CONSUMER = "budget-restores";
    private static final Logger LOG = Logger.getLogger(BudgetRestoredConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    BudgetHolds holds;

    @Incoming("budget-restored")
    @Blocking
    public CompletionStage<Void> onBudgetRestored(Message<String> message) {
        return inbox.process(CONSUMER, message, BudgetRestored.class, this::apply);
    }

    void apply(ReceivedEvent<BudgetRestored> event) {
        BudgetRestored restored = event.payload();
        int lifted = holds.restored(event.tenantId(), restored.budgetId(), restored.pipelineId(), restored.restoredAt());
        LOG.infof("budget %s of tenant %s restored (%s): %d hold(s) lifted", restored.budgetId(), event.tenantId(),
                restored.reason(), lifted);
    }
}
