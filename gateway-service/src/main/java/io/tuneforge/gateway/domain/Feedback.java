package io.tuneforge.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A user's rating of a completion the gateway served, with the model and arm that served it. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "completion_id", nullable = false)
    public String completionId;

    @Column
    public String alias;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String arm;

    @Column(nullable = false)
    public String rating;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public boolean negative;

    @Column
    public String comment;

    @Column(name = "corrected_output")
    public String correctedOutput;

    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Feedback> ofTenant(String tenantId, String id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static List<Feedback> page(String tenantId, String alias, String after, int limit) {
        return alias == null
                ? (after == null ? find("tenantId = ?1 order by id desc", tenantId) : find("tenantId = ?1 and id < ?2 order by id desc", tenantId, after))
                        .page(0, limit + 1).list()
                : (after == null ? find("tenantId = ?1 and alias = ?2 order by id desc", tenantId, alias)
                        : find("tenantId = ?1 and alias = ?2 and id < ?3 order by id desc", tenantId, alias, after)).page(0, limit + 1).list();
    }
}
