package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Money set aside for a training job before it starts, or the record that it was held. One per job;
 * an open {@code reserved} row counts against the tenant's and the pipeline's budget until it is released
 * (the job's outcome books the actual spend instead, or the caller gives it back).
 */
@Entity
@Table(name = "budget_reservation")
public class BudgetReservation extends PanacheEntityBase {

    public static final String RESERVED = "reserved";
    public static final String HELD = "held";

    @Id
    @Column(name = "reservation_id")
    public String reservationId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "job_id", nullable = false)
    public String jobId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(name = "base_model", nullable = false)
    public String baseModel;

    @Column(name = "model_id")
    public String modelId;

    @Column(name = "estimated_trained_tokens", nullable = false)
    public long estimatedTrainedTokens;

    /** Zero when the price is unknown ({@link #priceKnown} false). */
    @Column(name = "estimated_cost_usd", nullable = false)
    public BigDecimal estimatedCostUsd;

    @Column(name = "price_known", nullable = false)
    public boolean priceKnown;

    @Column(name = "price_id")
    public String priceId;

    /** reserved or held: the last decision (a released reservation keeps it). */
    @Column(nullable = false)
    public String decision;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    /** The budget that held the job, or null. */
    @Column(name = "budget_id")
    public String budgetId;

    @Column(nullable = false)
    public String month;

    @Column(name = "remaining_usd")
    public BigDecimal remainingUsd;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** Null while the reservation is open. */
    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "release_reason")
    public String releaseReason;

    public boolean open() {
        return releasedAt == null;
    }

    public static Optional<BudgetReservation> ofJob(String tenantId, String jobId) {
        return find("tenantId = ?1 and jobId = ?2", tenantId, jobId).firstResultOptional();
    }

    /** Open (reserved or held) reservations of a tenant, optionally of one pipeline, by id. */
    public static List<BudgetReservation> openPage(String tenantId, String pipelineId, String after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and releasedAt is null");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (pipelineId != null) {
            query.append(" and pipelineId = :pipeline");
            params.put("pipeline", pipelineId);
        }
        if (after != null) {
            query.append(" and reservationId > :after");
            params.put("after", after);
        }
        return find(query + " order by reservationId", params).page(0, limit + 1).list();
    }

    /** Whether a job the budget held (its estimate did not fit) still waits for a decision. */
    public static boolean anyHeldBy(String tenantId, String budgetId) {
        return count("tenantId = ?1 and budgetId = ?2 and decision = ?3 and releasedAt is null", tenantId, budgetId, HELD) > 0;
    }

    /**
     * What other jobs' reservations set aside: all of the tenant's (pipelineId null) or one pipeline's,
     * except {@code exceptJobId}'s own.
     */
    public static BigDecimal reservedBesides(String tenantId, String pipelineId, String exceptJobId) {
        var query = getEntityManager().createQuery("""
                        select coalesce(sum(r.estimatedCostUsd), 0) from BudgetReservation r
                        where r.tenantId = :tenant and r.decision = 'reserved' and r.releasedAt is null and r.jobId <> :job"""
                        + (pipelineId == null ? "" : " and r.pipelineId = :pipeline"), BigDecimal.class)
                .setParameter("tenant", tenantId)
                .setParameter("job", exceptJobId);
        if (pipelineId != null) {
            query.setParameter("pipeline", pipelineId);
        }
        BigDecimal sum = query.getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }
}
