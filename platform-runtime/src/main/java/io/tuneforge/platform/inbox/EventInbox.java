package io.tuneforge.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.tuneforge.events.CloudEventAttributes;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.EventContract;
import io.tuneforge.events.EventContracts;
import io.tuneforge.events.EventPayload;
import io.tuneforge.events.MalformedEventException;
import io.tuneforge.platform.availability.Dependency;
import io.tuneforge.platform.availability.DependencyFailures;
import io.tuneforge.platform.availability.DependencyOutages;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * How every service consumes an event: exactly once in effect, or dead-lettered with the reason.
 *
 * <p>The handler runs in a transaction that also records {@code (consumer, event id)} in
 * {@code inbox_event}; a redelivered event finds its id there and changes nothing. A handler that
 * throws is retried a bounded number of times, each attempt in a fresh transaction, then the message
 * is nacked, and the channel's {@code dead-letter-queue} failure strategy moves it to
 * {@code <topic>.dlq} with the error in its {@code dead-letter-reason} header. A message that breaks
 * its contract is dead-lettered at once: retrying cannot fix it.
 *
 * <p>A failure of the infrastructure rather than of the message (the database unreachable, a pool
 * that hands out no connection, the transaction manager or the broker down; see
 * {@link DependencyFailures}) is not the message's fault and never dead-letters it: the consumer
 * pauses on that message, retrying with a backoff capped at {@code tuneforge.inbox.outage-max-backoff}
 * for as long as the outage lasts, and readiness is DOWN meanwhile ({@link DependencyOutages}).
 * The channel is ordered, so nothing behind the message overtakes it.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    InboxConfig config;

    @Inject
    DependencyOutages outages;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Applies {@code handler} to the event in {@code message} once per consumer, then acks; nacks
     * (towards the dead-letter topic) when the message is malformed or the handler keeps failing.
     *
     * @param consumer a stable name for this consumer within the service (part of the idempotency key)
     */
    public <T extends EventPayload> CompletionStage<Void> process(
            String consumer, Message<String> message, Class<T> payloadType, Consumer<ReceivedEvent<T>> handler) {
        ReceivedEvent<T> event;
        try {
            event = decode(message, payloadType);
        } catch (MalformedEventException e) {
            LOG.errorf("%s: dead-lettering malformed message: %s", consumer, e.getMessage());
            return message.nack(e);
        }
        String who = "inbox " + consumer;
        Exception last = null;
        long backoff = config.initialBackoff().toMillis();
        long outageBackoff = config.initialBackoff().toMillis();
        int attempt = 0;
        while (attempt < config.maxAttempts()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event)) {
                        handler.accept(event);
                    } else {
                        LOG.debugf("%s: event %s already applied, skipping redelivery", consumer, event.id());
                    }
                });
                recovered(who, consumer);
                return message.ack();
            } catch (MalformedEventException e) {
                recovered(who, consumer);
                return message.nack(e);
            } catch (Exception e) {
                Optional<Dependency> down = DependencyFailures.unavailable(e);
                if (down.isPresent()) {
                    if (stopping) {
                        // Neither acked nor nacked: its offset is not committed, so it is delivered again after the restart.
                        LOG.warnf("%s: stopping while %s is unavailable; event %s stays on the topic for the next start",
                                consumer, down.get().description(), event.id());
                        return CompletableFuture.completedFuture(null);
                    }
                    if (!outages.isWaiting(who)) {
                        LOG.warnf("%s: %s is unavailable (%s); holding event %s (%s) and retrying until it is back",
                                consumer, down.get().description(), e, event.id(), event.topic());
                    }
                    outages.waiting(who, down.get(), e);
                    sleep(outageBackoff);
                    outageBackoff = Math.min(outageBackoff * 2, config.outageMaxBackoff().toMillis());
                    continue;
                }
                recovered(who, consumer);
                attempt++;
                last = e;
                LOG.warnf("%s: event %s (%s) failed, attempt %d/%d: %s",
                        consumer, event.id(), event.topic(), attempt, config.maxAttempts(), e);
                if (attempt < config.maxAttempts()) {
                    sleep(backoff);
                    backoff *= 2;
                }
            }
        }
        LOG.errorf("%s: event %s (%s) dead-lettered after %d attempts", consumer, event.id(), event.topic(), config.maxAttempts());
        return message.nack(last);
    }

    private void recovered(String who, String consumer) {
        if (outages.isWaiting(who)) {
            LOG.infof("%s: dependencies are back, consuming again", consumer);
            outages.recovered(who);
        }
    }

    /** Records the delivery; false when this consumer has already applied the event. */
    private boolean firstDelivery(String consumer, ReceivedEvent<?> event) {
        int inserted = em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, topic, tenant_id, applied_at)
                        values (:consumer, :eventId, :topic, :tenant, :appliedAt)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("topic", event.topic())
                .setParameter("tenant", event.tenantId())
                .setParameter("appliedAt", clock.instant())
                .executeUpdate();
        return inserted == 1;
    }

    @SuppressWarnings("unchecked")
    private static <T extends EventPayload> ReceivedEvent<T> decode(Message<String> message, Class<T> payloadType) {
        IncomingCloudEventMetadata<String> envelope = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedEventException(
                        "no CloudEvents envelope (ce_id, ce_type, ce_source, ce_specversion headers) on the record"));
        EventContract<T> contract = EventContracts.forPayload(payloadType);
        if (!contract.type().equals(envelope.getType())) {
            throw new MalformedEventException("expected CloudEvents type " + contract.type() + " but got " + envelope.getType());
        }
        String tenant = envelope.<String>getExtension(CloudEventAttributes.TENANT_EXTENSION)
                .orElseThrow(() -> new MalformedEventException("missing the 'tenant' CloudEvents extension (ce_tenant header)"));
        String payload = message.getPayload();
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("empty payload");
        }
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse(contract.topic());
        Instant time = envelope.getTimeStamp().map(ZonedDateTime::toInstant).orElse(null);
        return new ReceivedEvent<>(envelope.getId(), envelope.getType(), String.valueOf(envelope.getSource()),
                envelope.getSubject().orElse(null), time, tenant, topic, EventCodec.read(payload, payloadType));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
