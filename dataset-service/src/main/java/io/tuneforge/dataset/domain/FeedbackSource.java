package io.tuneforge.dataset.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A preference dataset's subscription to the feedback users give on one gateway alias: rated and corrected answers
 * become DPO pairs, and pending pairs become new versions (at {@link #minNewPairs} when {@link #autoVersion}).
 */
@Entity
@Table(name = "feedback_source")
public class FeedbackSource extends PanacheEntityBase {

    @Id
    @Column(name = "dataset_id")
    public String datasetId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String alias;

    @Column(name = "min_new_pairs", nullable = false)
    public int minNewPairs;

    @Column(name = "auto_version", nullable = false)
    public boolean autoVersion;

    @Column(name = "redact_pii", nullable = false)
    public boolean redactPii;

    @Column(name = "feedback_seen", nullable = false)
    public long feedbackSeen;

    @Column(name = "feedback_without_exchange", nullable = false)
    public long feedbackWithoutExchange;

    /** After a rejected feedback version: auto-versioning waits until this many pairs are pending. */
    @Column(name = "auto_hold_until")
    public Integer autoHoldUntil;

    /** A build in progress (lease); null when none. */
    @Column(name = "build_started_at")
    public Instant buildStartedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Counts feedback of the dataset that made no pair, per reason (shown by {@code GET .../feedback-source}). */
    public static void countSkipped(String datasetId, String reason, long count) {
        if (count <= 0) {
            return;
        }
        getEntityManager().createNativeQuery("insert into feedback_skip (dataset_id, reason, count) values (:dataset, :reason, :count) "
                        + "on conflict (dataset_id, reason) do update set count = feedback_skip.count + excluded.count")
                .setParameter("dataset", datasetId).setParameter("reason", reason).setParameter("count", count).executeUpdate();
    }

    public static Optional<FeedbackSource> findOwned(String tenantId, String datasetId) {
        return find("tenantId = ?1 and datasetId = ?2", tenantId, datasetId).firstResultOptional();
    }

    /** The tenant's sources fed by {@code alias}, in a fixed order (so concurrent consumers lock them alike). */
    public static List<FeedbackSource> ofAlias(String tenantId, String alias) {
        return list("tenantId = ?1 and alias = ?2 order by datasetId", tenantId, alias);
    }

    /** Whether auto-versioning should build now with {@code pending} pairs waiting. */
    public boolean autoVersionDue(long pending) {
        return autoVersion && pending >= Math.max(minNewPairs, autoHoldUntil == null ? 0 : autoHoldUntil);
    }
}
