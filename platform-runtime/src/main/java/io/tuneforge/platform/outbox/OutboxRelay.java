package io.tuneforge.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.tuneforge.events.CloudEventAttributes;
import io.tuneforge.platform.loops.Heartbeat;
import io.tuneforge.platform.loops.Loops;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks them published.
 *
 * <p>Delivery is at least once: a crash after the broker acknowledged but before the row was marked
 * leaves the row pending and it is sent again; consumers drop the duplicate by event id. One relay
 * at a time per schema (a transaction-scoped advisory lock), so two replicas never reorder the
 * events of one entity. A failed send is retried with exponential backoff, never dropped.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** How long the wake loop waits for a commit before it looks at {@code stopping} again. */
    private static final long WAKE_WAIT_MILLIS = 500;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry meters;

    @Inject
    Loops loops;

    @Inject
    @Channel("tuneforge-outbox")
    Emitter<String> emitter;

    /** Lets {@link #wakeUpAfterCommit()} skip the poll interval: one permit = "there may be work". */
    private final Semaphore pending = new Semaphore(0);

    private volatile boolean stopping;

    private volatile boolean paused;

    private URI source;

    @PostConstruct
    void init() {
        source = URI.create(CloudEventAttributes.sourceOf(config.serviceName()));
        meters.gauge("tuneforge.outbox.pending", this, OutboxRelay::countPending);
    }

    /**
     * Starts the loop woken by commits, on a thread of its own: Quarkus' simple scheduler looks at its
     * triggers once a second whatever {@code every} says, so a scheduled quick loop would hold each event
     * for up to a second; this thread relays within milliseconds of the commit.
     */
    void onStart(@Observes StartupEvent event) {
        Heartbeat heartbeat = loops.register("outbox-relay", Duration.ofMillis(WAKE_WAIT_MILLIS));
        Thread waker = new Thread(() -> wakeLoop(heartbeat), "tuneforge-outbox-relay");
        waker.setDaemon(true);
        waker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        pending.release(); // the wake loop returns at once instead of at its next timeout
    }

    /**
     * Stops relaying until {@link #resume()}; events keep accumulating in the outbox, nothing is lost.
     * For broker maintenance, and for tests that stop a service between commit and publish.
     */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        pending.release();
    }

    public boolean isPaused() {
        return paused;
    }

    /** Called inside the producing transaction: once it commits, relay without waiting for the next poll. */
    void wakeUpAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    pending.release();
                }
            }
        });
    }

    @Scheduled(every = "${tuneforge.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = OutboxRelayDisabled.class)
    void poll() {
        relayPending();
    }

    /**
     * Waits for a commit's wake-up and relays, until the application stops. The scheduled {@link #poll}
     * stays the safety net (events of a crashed transaction's neighbour, backoffs that elapsed).
     */
    private void wakeLoop(Heartbeat heartbeat) {
        ManagedContext requestContext = Arc.container().requestContext();
        try {
            while (!stopping) {
                try {
                    if (!pending.tryAcquire(WAKE_WAIT_MILLIS, TimeUnit.MILLISECONDS) || stopping) {
                        heartbeat.beat();
                        continue;
                    }
                    pending.drainPermits();
                    if (!config.relayEnabled() || paused) {
                        heartbeat.beat();
                        continue;
                    }
                    requestContext.activate();
                    try {
                        relayPending(heartbeat::beat);
                    } finally {
                        requestContext.terminate();
                    }
                    heartbeat.beat();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // The database or the broker is away: the next commit or the scheduled poll tries again.
                    // Reported through the heartbeat rather than logged here: QuarkusTransaction wraps an Error
                    // of the pass (out of memory, say) in a RuntimeException, and the watch halts on it.
                    heartbeat.failed(e);
                    sleepQuietly(WAKE_WAIT_MILLIS);
                } catch (Error e) {
                    heartbeat.failed(e); // halts the process: a relay that cannot go on must not look alive
                }
            }
        } finally {
            heartbeat.close();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Relays every pending event whose backoff has elapsed.
     *
     * @return how many events were published
     */
    public int relayPending() {
        return relayPending(() -> {
        });
    }

    /** @param progress told after each batch, so that a long catch-up is not taken for a stalled relay */
    private int relayPending(Runnable progress) {
        int published = 0;
        while (!stopping && !paused) {
            int batch = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
            progress.run();
            published += Math.max(batch, 0);
            if (batch < config.batchSize()) {
                break;
            }
        }
        return published;
    }

    /** @return events published, or -1 when another relay holds the lock */
    private int relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return -1;
        }
        Instant now = clock.instant();
        List<OutboxEvent> batch = em.createQuery(
                        "from OutboxEvent e where e.publishedAt is null order by e.seq", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        int published = 0;
        for (OutboxEvent event : batch) {
            if (paused || stopping) {
                // pause() may land while a pass is under way (a commit woke it just before): from then on
                // nothing more is sent, so a paused relay really leaves the broker alone.
                break;
            }
            if (event.nextAttemptAt != null && event.nextAttemptAt.isAfter(now)) {
                // Later events of the same entity must not overtake this one: stop here.
                break;
            }
            try {
                send(event);
                event.publishedAt = clock.instant();
                event.lastError = null;
                published++;
            } catch (Exception e) {
                event.attempts++;
                event.lastError = e.toString();
                long backoffMs = Math.min(config.maxBackoff().toMillis(), 200L << Math.min(event.attempts, 16));
                event.nextAttemptAt = now.plusMillis(backoffMs);
                LOG.warnf("outbox event %s (%s) not published, attempt %d, retry in %d ms: %s",
                        event.eventId, event.topic, event.attempts, backoffMs, e.getMessage());
                break;
            }
        }
        return published;
    }

    private void send(OutboxEvent event) throws InterruptedException, ExecutionException, TimeoutException {
        OutgoingCloudEventMetadata<String> envelope = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId)
                .withType(event.eventType)
                .withSource(source)
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.TENANT_EXTENSION, event.tenantId)
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.subject)
                .build();
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> message = Message.of(event.payload, Metadata.of(envelope, record),
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        Duration timeout = config.sendTimeout();
        acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private double countPending() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createQuery(
                    "select count(e) from OutboxEvent e where e.publishedAt is null").getSingleResult()).doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
