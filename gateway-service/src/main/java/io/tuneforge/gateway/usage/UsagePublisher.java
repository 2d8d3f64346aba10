package io.tuneforge.gateway.usage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tuneforge.events.inference.InferenceUsage;
import io.tuneforge.gateway.GatewayConfig;
import io.tuneforge.gateway.domain.NativeTimestamps;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Publishes each closed per-minute usage window once as inference.usage, through the outbox, so
 * cost-service books the inference spend. A window is closed when its minute has ended and the grace
 * period for calls committing late has passed. Windows are claimed with {@code FOR UPDATE SKIP LOCKED}
 * and marked published in the same transaction as their outbox row, so replicas never publish one
 * twice; the window's {@code usage_id} is fixed when the window is created, so a consumer that sees a
 * redelivery books it once.
 */
@ApplicationScoped
public class UsagePublisher {

    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "gateway-usage-publish", every = "${tuneforge.gateway.usage.publish-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        while (publishClosed() == BATCH) {
            // A backlog (after downtime): keep going until it is drained.
        }
    }

    /** @return how many windows were published */
    @SuppressWarnings("unchecked")
    public int publishClosed() {
        Instant closedBefore = clock.instant().minus(config.usage().grace()).truncatedTo(ChronoUnit.MINUTES);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                            select tenant_id, model, pipeline_id, window_start, calls, prompt_tokens, cached_prompt_tokens,
                                   completion_tokens, usage_id
                            from usage_window where published_at is null and window_start < ?1
                            order by window_start limit ?2 for update skip locked""")
                    .setParameter(1, closedBefore).setParameter(2, BATCH).getResultList();
            Instant now = clock.instant();
            for (Object[] row : rows) {
                Instant start = NativeTimestamps.instant(row[3]);
                String pipeline = (String) row[2];
                outbox.publish((String) row[0], new InferenceUsage((String) row[8], (String) row[1], ((Number) row[4]).longValue(),
                        ((Number) row[5]).longValue(), ((Number) row[6]).longValue(), ((Number) row[7]).longValue(), start,
                        start.plus(1, ChronoUnit.MINUTES), "gateway", pipeline.isEmpty() ? null : pipeline));
                em.createNativeQuery("update usage_window set published_at = ?1 where usage_id = ?2")
                        .setParameter(1, now).setParameter(2, row[8]).executeUpdate();
            }
            return rows.size();
        });
    }
}
