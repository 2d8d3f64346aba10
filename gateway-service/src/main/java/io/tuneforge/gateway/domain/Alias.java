package io.tuneforge.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A name callers use as {@code model}, standing for the tenant's stable model behind it (and, during a
 * rollout, a share of a candidate), on one provider account.
 */
@Entity
@Table(name = "alias")
@IdClass(Alias.Key.class)
public class Alias extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "name")
    public String name;

    @Column(name = "stable_model", nullable = false)
    public String stableModel;

    /** The training-service provider account; null = the gateway's fallback connection. */
    @Column(name = "account_id")
    public String accountId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    /** JSON {@link AutoRolloutPolicy}, or null. */
    @Column(name = "auto_rollout")
    public String autoRollout;

    /** Whether calls through the alias are captured (opt-in, see {@link CaptureSetting}). */
    @Column(name = "capture_enabled", nullable = false)
    public boolean captureEnabled;

    @Column(name = "capture_retention_days", nullable = false)
    public int captureRetentionDays = CaptureSetting.DEFAULT_RETENTION_DAYS;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public CaptureSetting capture() {
        return new CaptureSetting(captureEnabled, captureRetentionDays);
    }

    public static Optional<Alias> of(String tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    /** Locked until the transaction ends: a hand edit and a completing rollout never overwrite each other. */
    public static Optional<Alias> locked(String tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static List<Alias> page(String tenantId, String after, int limit) {
        return after == null
                ? find("tenantId = ?1 order by name", tenantId).page(0, limit + 1).list()
                : find("tenantId = ?1 and name > ?2 order by name", tenantId, after).page(0, limit + 1).list();
    }

    public static List<Alias> boundTo(String tenantId, String pipelineId) {
        return list("tenantId = ?1 and pipelineId = ?2 order by name", tenantId, pipelineId);
    }

    public static class Key implements Serializable {
        public String tenantId;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, name);
        }
    }
}
