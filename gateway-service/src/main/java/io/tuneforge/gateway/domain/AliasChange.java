package io.tuneforge.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One change of an alias's stable model (the audit trail): {@code created}, {@code manual} or {@code rollout_completed}. */
@Entity
@Table(name = "alias_change")
public class AliasChange extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String alias;

    @Column(name = "from_model")
    public String fromModel;

    @Column(name = "to_model", nullable = false)
    public String toModel;

    @Column(nullable = false)
    public String cause;

    @Column(name = "rollout_id")
    public String rolloutId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static List<AliasChange> history(String tenantId, String alias) {
        return list("tenantId = ?1 and alias = ?2 order by id", tenantId, alias);
    }
}
