package io.tuneforge.platform.probe;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** A consumer as services write them: records each event it applies; an event whose reason is "poison" cannot be applied. */
@ApplicationScoped
public class ProbeConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager em;

    @Incoming("budget-restored")
    @Blocking
    public CompletionStage<Void> onBudgetRestored(Message<String> message) {
        return inbox.process("probe", message, BudgetRestored.class, event -> {
            if ("poison".equals(event.payload().reason())) {
                throw new IllegalArgumentException("this event cannot be applied: its reason is 'poison'");
            }
            em.createNativeQuery("insert into probe_applied (event_id, reason) values (:id, :reason)")
                    .setParameter("id", event.id())
                    .setParameter("reason", event.payload().reason())
                    .executeUpdate();
        });
    }
}
