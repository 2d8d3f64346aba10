package io.tuneforge.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** Version n of a registered model, with its lineage: which data, job, base model and settings made it. */
@Entity
@Table(name = "model_version")
public class ModelVersion extends PanacheEntityBase {

    public static final List<String> STAGES = List.of("candidate", "staging", "production", "archived");

    @Id
    public String id;
    @Column(name = "model_id", nullable = false)
    public String modelId;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public int version;
    @Column(name = "job_id", nullable = false)
    public String jobId;
    @Column(name = "fine_tuned_model", nullable = false)
    public String fineTunedModel;
    @Column(name = "dataset_id", nullable = false)
    public String datasetId;
    @Column(name = "dataset_version_id", nullable = false)
    public String datasetVersionId;
    @Column(name = "base_model", nullable = false)
    public String baseModel;
    @Column(nullable = false)
    public String method;
    @Column(nullable = false)
    public String hyperparameters;
    @Column(name = "trained_tokens")
    public Long trainedTokens;
    @Column(name = "final_train_loss")
    public Double finalTrainLoss;
    @Column(name = "final_valid_loss")
    public Double finalValidLoss;
    @Column(nullable = false)
    public String stage;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Candidate accuracy of its latest evaluation when it went to production; a later drop below it retrains. */
    @Column(name = "promoted_accuracy")
    public Double promotedAccuracy;
}
