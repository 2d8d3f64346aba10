package io.tuneforge.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A validated dataset version this service may train on, learned from {@code dataset.validated}. */
@Entity
@Table(name = "training_data")
public class TrainingData extends PanacheEntityBase {

    @Id
    @Column(name = "version_id")
    public String versionId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String method;

    @Column(name = "example_count", nullable = false)
    public long exampleCount;

    @Column(name = "billable_tokens", nullable = false)
    public long billableTokens;
    /** Examples in the train split (null for versions recorded before it was kept; then exampleCount). */
    @Column(name = "train_examples")
    public Long trainExamples;

    @Column(name = "train_path")
    public String trainPath;

    @Column(name = "validation_path")
    public String validationPath;

    @Column(name = "test_path")
    public String testPath;

    @Column(name = "validated_event_id", nullable = false)
    public String validatedEventId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<TrainingData> ofTenant(String tenantId, String datasetId) {
        return datasetId == null
                ? list("tenantId = ?1 order by datasetId, version", tenantId)
                : list("tenantId = ?1 and datasetId = ?2 order by version", tenantId, datasetId);
    }
}
