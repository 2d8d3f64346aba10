package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** How many tokens training on a dataset version would be billed for, with auto epochs. */
@Entity
@Table(name = "training_estimate")
public class TrainingEstimate extends PanacheEntityBase {

    @Id
    @Column(name = "version_id")
    public String versionId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public int version;

    /** {@code supervised} or {@code dpo}: decides which models are candidates. */
    @Column(nullable = false)
    public String method;

    @Column(name = "train_examples", nullable = false)
    public long trainExamples;

    @Column(name = "tokens_per_epoch", nullable = false)
    public long tokensPerEpoch;

    @Column(name = "auto_epochs", nullable = false)
    public int autoEpochs;

    @Column(name = "trained_tokens", nullable = false)
    public long trainedTokens;

    @Column(name = "estimated_at", nullable = false)
    public Instant estimatedAt;

    public static Optional<TrainingEstimate> findOwned(String tenantId, String versionId) {
        return find("tenantId = ?1 and versionId = ?2", tenantId, versionId).firstResultOptional();
    }

    public static List<TrainingEstimate> ofTenant(String tenantId, String datasetId) {
        return datasetId == null
                ? list("tenantId = ?1 order by datasetId, version", tenantId)
                : list("tenantId = ?1 and datasetId = ?2 order by version", tenantId, datasetId);
    }
}
