package io.tuneforge.gateway.capture;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tuneforge.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes captured exchanges whose retention has passed ({@code expires_at}, fixed when each was captured).
 * Every replica runs it: each batch is claimed with {@code FOR UPDATE SKIP LOCKED} in its own short
 * transaction, so two replicas delete disjoint batches without waiting on each other, and a backlog never
 * holds locks on many rows at once.
 */
@ApplicationScoped
public class ExchangePurge {

    private static final Logger LOG = Logger.getLogger(ExchangePurge.class);

    @Inject
    EntityManager em;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "gateway-capture-purge", every = "${tuneforge.gateway.capture.purge-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            int deleted = purgeExpired(clock.instant());
            if (deleted > 0) {
                LOG.infof("deleted %d captured exchanges past their retention", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("purge of expired captured exchanges failed, retried on the next tick: %s", e);
        }
    }

    /**
     * Deletes every exchange that expired at or before {@code now}, batch by batch.
     *
     * @return how many were deleted
     */
    public int purgeExpired(Instant now) {
        int batch = config.capture().purgeBatch();
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            delete from captured_exchange where (tenant_id, completion_id) in (
                                select tenant_id, completion_id from captured_exchange where expires_at <= ?1
                                order by expires_at limit ?2 for update skip locked)""")
                    .setParameter(1, now).setParameter(2, batch).executeUpdate());
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
