package io.tuneforge.training.monitoring;

import io.tuneforge.training.provider.ProviderCheckpoint;
import io.tuneforge.training.provider.ProviderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;


/**
 * What a job went through on the provider: its events, per-step metrics and checkpoints, stored as
 * they are seen. Inserts ignore rows already there, so a repeated poll (or two replicas) adds nothing.
 */
@ApplicationScoped
public class JobTimeline {

    public record StoredEvent(String id, Instant createdAt, String level, String type, String message) {
    }

    public record StoredCheckpoint(String id, long step, String model, Double trainLoss, Double validLoss, Double fullValidLoss,
                                   Instant createdAt) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String jobId, String tenantId, ProviderEvent e) {
        em.createNativeQuery("""
                insert into job_event (job_id, provider_event_id, tenant_id, created_at, level, type, message)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .setParameter(1, jobId).setParameter(2, e.id()).setParameter(3, tenantId).setParameter(4, e.createdAt())
                .setParameter(5, e.level()).setParameter(6, e.type()).setParameter(7, truncate(e.message(), 4000)).executeUpdate();
        if ("metrics".equals(e.type()) && e.data().get("step") instanceof Number step) {
            em.createNativeQuery("""
                    insert into job_metric (job_id, step, total_steps, train_loss, valid_loss, full_valid_loss)
                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                    .setParameter(1, jobId).setParameter(2, step.longValue()).setParameter(3, asLong(e.data().get("total_steps")))
                    .setParameter(4, asDouble(e.data().get("train_loss"))).setParameter(5, asDouble(e.data().get("valid_loss")))
                    .setParameter(6, asDouble(e.data().get("full_valid_loss"))).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String jobId, ProviderCheckpoint c) {
        em.createNativeQuery("""
                insert into job_checkpoint (job_id, provider_checkpoint_id, step, model, train_loss, valid_loss, full_valid_loss, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing""")
                .setParameter(1, jobId).setParameter(2, c.id()).setParameter(3, c.step()).setParameter(4, c.model())
                .setParameter(5, c.trainLoss()).setParameter(6, c.validLoss()).setParameter(7, c.fullValidLoss())
                .setParameter(8, c.createdAt()).executeUpdate();
    }

    @Transactional
    public boolean knows(String jobId, String providerEventId) {
        return !em.createNativeQuery("select 1 from job_event where job_id = ?1 and provider_event_id = ?2")
                .setParameter(1, jobId).setParameter(2, providerEventId).getResultList().isEmpty();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<StoredEvent> events(String jobId) {
        List<Object[]> rows = em.createNativeQuery("""
                select provider_event_id, created_at, level, type, message from job_event where job_id = ?1
                order by created_at, provider_event_id""").setParameter(1, jobId).getResultList();
        return rows.stream().map(r -> new StoredEvent((String) r[0], instant(r[1]), (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<MetricPoint> metrics(String jobId) {
        List<Object[]> rows = em.createNativeQuery("""
                select step, total_steps, train_loss, valid_loss, full_valid_loss from job_metric where job_id = ?1 order by step""")
                .setParameter(1, jobId).getResultList();
        return rows.stream().map(r -> new MetricPoint(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                asDouble(r[2]), asDouble(r[3]), asDouble(r[4]))).toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<StoredCheckpoint> checkpoints(String jobId) {
        List<Object[]> rows = em.createNativeQuery("""
                select provider_checkpoint_id, step, model, train_loss, valid_loss, full_valid_loss, created_at
                from job_checkpoint where job_id = ?1 order by step""").setParameter(1, jobId).getResultList();
        return rows.stream().map(r -> new StoredCheckpoint((String) r[0], ((Number) r[1]).longValue(), (String) r[2], asDouble(r[3]),
                asDouble(r[4]), asDouble(r[5]), instant(r[6]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    private static Double asDouble(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

}
