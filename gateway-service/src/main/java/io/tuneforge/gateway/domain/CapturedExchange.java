package io.tuneforge.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a completion served through a capturing alias was asked and answered, kept until {@code expiresAt}
 * so that feedback on it can carry the exchange. The JSON columns hold the caller's text as it was sent.
 */
@Entity
@Table(name = "captured_exchange")
@IdClass(CapturedExchange.Key.class)
public class CapturedExchange extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "completion_id")
    public String completionId;

    @Column(nullable = false)
    public String alias;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String arm;

    /** JSON array: the request's {@code messages}. */
    @Column(nullable = false)
    public String messages;

    /** JSON array: the request's {@code tools}, or null when it had none. */
    @Column
    public String tools;

    /** JSON object: the assistant message served (role, content, tool_calls). */
    @Column(nullable = false)
    public String output;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(name = "captured_at", nullable = false)
    public Instant capturedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static Optional<CapturedExchange> of(String tenantId, String completionId) {
        return find("tenantId = ?1 and completionId = ?2", tenantId, completionId).firstResultOptional();
    }

    public static class Key implements Serializable {
        public String tenantId;
        public String completionId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(completionId, k.completionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, completionId);
        }
    }
}
