package io.tuneforge.gateway.feedback;

import io.tuneforge.events.feedback.QualityDegraded;
import io.tuneforge.gateway.GatewayConfig;
import io.tuneforge.gateway.domain.NativeTimestamps;
import io.tuneforge.gateway.domain.Alias;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Watches feedback on each alias's stable model: when, over {@code quality.window}, at least
 * {@code quality.min-feedback} ratings came in and the negative share reaches {@code quality.negative-rate},
 * it publishes quality.degraded, at most once per alias and model per {@code quality.debounce}. The
 * {@code quality_alert} row of the alias and model is locked while deciding, so concurrent feedback (on
 * any replica) raises it once.
 */
@ApplicationScoped
public class QualityGuard {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    /** Judges the alias's stable model after new feedback on it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(String tenantId, Alias alias) {
        String model = alias.stableModel;
        Instant now = clock.instant();
        Instant since = now.minus(config.quality().window());
        em.createNativeQuery("""
                        insert into quality_alert (tenant_id, alias, model) values (?1, ?2, ?3) on conflict do nothing""")
                .setParameter(1, tenantId).setParameter(2, alias.name).setParameter(3, model).executeUpdate();
        Object lastRaised = em.createNativeQuery("""
                        select last_raised_at from quality_alert where tenant_id = ?1 and alias = ?2 and model = ?3 for update""")
                .setParameter(1, tenantId).setParameter(2, alias.name).setParameter(3, model).getSingleResult();
        Instant last = NativeTimestamps.instant(lastRaised);
        if (last != null && last.plus(config.quality().debounce()).isAfter(now)) {
            return;
        }
        Object[] counts = (Object[]) em.createNativeQuery("""
                        select count(*), count(*) filter (where negative) from feedback
                        where tenant_id = ?1 and alias = ?2 and model = ?3 and created_at > ?4""")
                .setParameter(1, tenantId).setParameter(2, alias.name).setParameter(3, model).setParameter(4, since).getSingleResult();
        long total = ((Number) counts[0]).longValue();
        long negative = ((Number) counts[1]).longValue();
        double rate = total == 0 ? 0 : (double) negative / total;
        if (total < config.quality().minFeedback() || rate < config.quality().negativeRate()) {
            return;
        }
        em.createNativeQuery("update quality_alert set last_raised_at = ?4 where tenant_id = ?1 and alias = ?2 and model = ?3")
                .setParameter(1, tenantId).setParameter(2, alias.name).setParameter(3, model).setParameter(4, now).executeUpdate();
        outbox.publish(tenantId, new QualityDegraded(EntityIds.next("qal"), alias.name, model, alias.pipelineId, total, negative,
                Math.round(rate * 10_000) / 10_000.0, config.quality().negativeRate(), since, now));
    }
}
