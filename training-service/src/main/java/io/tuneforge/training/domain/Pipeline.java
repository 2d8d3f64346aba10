package io.tuneforge.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A named training recipe; with {@code autoTrain} it runs itself on each new validated version of its dataset. */
@Entity
@Table(name = "pipeline")
public class Pipeline extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public String name;
    @Column(name = "dataset_id", nullable = false)
    public String datasetId;
    @Column(name = "base_model", nullable = false)
    public String baseModel;
    @Column(nullable = false)
    public String method;
    /** JSON of {@link Hyperparameters}. */
    @Column(nullable = false)
    public String hyperparameters;
    @Column(name = "account_id", nullable = false)
    public String accountId;
    @Column(name = "model_name", nullable = false)
    public String modelName;
    @Column(name = "auto_train", nullable = false)
    public boolean autoTrain;
    @Column(name = "debounce_ms", nullable = false)
    public long debounceMs;
    @Column(name = "min_interval_ms", nullable = false)
    public long minIntervalMs;
    @Column(name = "pending_version_id")
    public String pendingVersionId;
    @Column(name = "pending_since")
    public Instant pendingSince;
    @Column(name = "last_run_at")
    public Instant lastRunAt;
    @Column(name = "last_job_id")
    public String lastJobId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Ask eval-service to evaluate each model the pipeline trains (on job.succeeded). */
    @Column(nullable = false)
    public boolean evaluate;
    /** JSON of events' GateThresholds; null takes eval-service's defaults. */
    public String gates;
    /** JSON of events' EvaluationTask; null = exact match, no format requirement. */
    @Column(name = "evaluation_task")
    public String evaluationTask;
    /** Move a version to staging when its evaluation decides promote. */
    @Column(name = "auto_promote", nullable = false)
    public boolean autoPromote;
    /** Unix cron (5 fields, UTC); null when the pipeline does not run on a schedule. */
    public String schedule;
    @Column(name = "next_run_at")
    public Instant nextRunAt;
    /** How far the production model's accuracy may fall below its accuracy at promotion before a retrain. */
    @Column(name = "quality_drop_threshold", nullable = false)
    public double qualityDropThreshold;
    /** The trigger of the pending run: null for a new dataset version, else schedule or quality.degraded. */
    @Column(name = "pending_reason")
    public String pendingReason;
    @Column(name = "pending_detail")
    public String pendingDetail;

    public static Optional<Pipeline> ofTenant(String tenantId, String idOrName) {
        return find("tenantId = ?1 and (id = ?2 or name = ?2)", tenantId, idOrName).firstResultOptional();
    }

    /** The trigger a run of the pending version is announced with. */
    public String pendingTrigger() {
        return pendingReason != null ? pendingReason : "dataset.validated";
    }

    /** When the pending version may run: after the debounce and the minimum interval since the last run. */
    public Instant dueAt() {
        if (pendingSince == null) {
            return null;
        }
        Instant debounced = pendingSince.plusMillis(debounceMs);
        Instant spaced = lastRunAt == null ? debounced : lastRunAt.plusMillis(minIntervalMs);
        return debounced.isAfter(spaced) ? debounced : spaced;
    }
}
