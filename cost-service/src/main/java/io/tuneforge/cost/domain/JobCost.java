package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** What a fine-tuning job actually cost, beside what was estimated for its dataset version and model. */
@Entity
@Table(name = "job_cost")
public class JobCost extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public String jobId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "dataset_version_id", nullable = false)
    public String datasetVersionId;

    @Column(name = "base_model", nullable = false)
    public String baseModel;

    @Column(name = "model_id")
    public String modelId;

    @Column(name = "trained_tokens", nullable = false)
    public long trainedTokens;

    @Column(name = "n_epochs", nullable = false)
    public int nEpochs;

    /** Null when the training price in force was unknown. */
    @Column(name = "actual_usd")
    public BigDecimal actualUsd;

    /** Null when no estimate exists for the job's dataset version. */
    @Column(name = "estimated_trained_tokens")
    public Long estimatedTrainedTokens;

    @Column(name = "estimated_usd")
    public BigDecimal estimatedUsd;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    public static Optional<JobCost> findOwned(String tenantId, String jobId) {
        return find("tenantId = ?1 and jobId = ?2", tenantId, jobId).firstResultOptional();
    }

    /** (actual - estimated) / estimated in percent; null when either side is unknown or the estimate is zero. */
    public BigDecimal errorPercent() {
        if (actualUsd == null || estimatedUsd == null || estimatedUsd.signum() == 0) {
            return null;
        }
        return Usd.percent(actualUsd.subtract(estimatedUsd), estimatedUsd);
    }
}
