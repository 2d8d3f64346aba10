package io.tuneforge.dataset.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A rated exchange waiting for an answer with the opposite rating to the same input (the rated pair rule). */
@Entity
@Table(name = "feedback_waiting")
public class FeedbackWaiting extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "feedback_id", nullable = false)
    public String feedbackId;

    @Column(name = "completion_id", nullable = false)
    public String completionId;

    /** SHA-256 of the input's canonical form (messages + tools; key order and absent-vs-null do not matter). */
    @Column(name = "input_key", nullable = false)
    public String inputKey;

    /** Rated positively (score at or above the threshold); false: rated negatively. */
    @Column(nullable = false)
    public boolean positive;

    /** The pair's input object as JSON ({"messages", "tools"?}), redacted when the source says so. */
    @Column(nullable = false, columnDefinition = "text")
    public String input;

    /** The served assistant message as JSON, redacted when the source says so. */
    @Column(nullable = false, columnDefinition = "text")
    public String output;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The oldest waiting answer to the same input with the opposite rating, from another completion. */
    public static Optional<FeedbackWaiting> counterpartOf(String datasetId, String inputKey, boolean positive, String completionId) {
        return find("datasetId = ?1 and inputKey = ?2 and positive = ?3 and completionId <> ?4 order by receivedAt, id",
                datasetId, inputKey, !positive, completionId).firstResultOptional();
    }

    public static long countOf(String datasetId) {
        return count("datasetId = ?1", datasetId);
    }
}
