package io.tuneforge.dataset.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A preference (DPO) example made from feedback: pending until a version takes it, then never reused. */
@Entity
@Table(name = "feedback_pair")
public class FeedbackPair extends PanacheEntityBase {

    /** Which pair rule made it. */
    public enum Rule {
        /** The user's corrected answer is preferred over the served one. */
        CORRECTION,
        /** A positively rated answer is preferred over a negatively rated one to the same input. */
        RATED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    /** The feedback that completed the pair (the correction, or the later of the two ratings). */
    @Column(name = "feedback_id", nullable = false)
    public String feedbackId;

    /** For a rated pair: the earlier rating it was matched with. */
    @Column(name = "counterpart_feedback_id")
    public String counterpartFeedbackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rule rule;

    /** The preference JSONL line, as it will be stored in the version (already redacted when the source says so). */
    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The version that took the pair; null while pending. */
    @Column(name = "version_id")
    public String versionId;

    @Column(name = "version")
    public Integer version;

    /** Pending pairs of the dataset, oldest first. */
    public static List<FeedbackPair> pending(String datasetId) {
        return list("datasetId = ?1 and versionId is null order by createdAt, id", datasetId);
    }

    /**
     * Up to {@code limit + 1} pairs of the dataset after the cursor, by id (ids grow with time): pending ones, or
     * those already in a version.
     */
    public static List<FeedbackPair> pageOf(String datasetId, boolean pending, String after, int limit) {
        String where = "datasetId = ?1 and versionId is " + (pending ? "null" : "not null");
        return (after == null ? find(where + " order by id", datasetId) : find(where + " and id > ?2 order by id", datasetId, after))
                .page(0, limit + 1).list();
    }

    public static long countPending(String datasetId) {
        return count("datasetId = ?1 and versionId is null", datasetId);
    }

    public static long countUsed(String datasetId) {
        return count("datasetId = ?1 and versionId is not null", datasetId);
    }
}
