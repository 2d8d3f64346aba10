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

    public static Optional<Pipeline> ofTenant(String tenantId, String idOrName) {
        return find("tenantId = ?1 and (id = ?2 or name = ?2)", tenantId, idOrName).firstResultOptional();
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
