package io.tuneforge.platform.outbox;

import io.tuneforge.events.EventCodec;
import io.tuneforge.events.EventContract;
import io.tuneforge.events.EventContracts;
import io.tuneforge.events.EventPayload;
import io.tuneforge.platform.ids.EntityIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Where a service records the events of a state change. {@link #publish} joins the caller's
 * transaction (and refuses to run without one): the event exists if and only if the change committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OutboxRelay relay;

    /**
     * Records {@code payload} for publication on its contract's topic.
     *
     * @return the CloudEvents id of the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(String tenantId, EventPayload payload) {
        EventContract<?> contract = EventContracts.forPayload(payload.getClass());
        OutboxEvent event = new OutboxEvent();
        event.eventId = EntityIds.next("evt");
        event.tenantId = tenantId;
        event.topic = contract.topic();
        event.eventType = contract.type();
        event.subject = payload.subject();
        event.payload = EventCodec.write(payload);
        event.occurredAt = clock.instant();
        em.persist(event);
        relay.wakeUpAfterCommit();
        return event.eventId;
    }
}
