package io.tuneforge.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * One fine-tuning job and its persisted state machine ({@link JobState}). Everything needed to carry
 * on after a restart is here: the idempotency key (sent on provider job creation), the provider ids,
 * the next time the scheduler should look at it.
 */
@Entity
@Table(name = "fine_tune_job")
public class FineTuneJob extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "account_id", nullable = false)
    public String accountId;
    @Column(name = "dataset_id", nullable = false)
    public String datasetId;
    @Column(name = "dataset_version_id", nullable = false)
    public String datasetVersionId;
    @Column(name = "base_model", nullable = false)
    public String baseModel;
    @Column(nullable = false)
    public String method;
    /** JSON of {@link Hyperparameters}. */
    @Column(nullable = false)
    public String hyperparameters;
    public String suffix;
    public Long seed;
    /** JSON object of string values. */
    @Column(nullable = false)
    public String metadata;
    /** The registry model a success registers a version of. */
    @Column(name = "model_name", nullable = false)
    public String modelName;
    @Column(nullable = false)
    public int priority;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "paused_from")
    public JobState pausedFrom;
    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    /** Set before the first creation call: from then on, a retry first looks for the job on the provider. */
    @Column(name = "create_attempted", nullable = false)
    public boolean createAttempted;
    @Column(name = "provider_job_id")
    public String providerJobId;
    /**
     * Failed by tuneforge while the provider may still run it (a call it could not make, not an outcome the
     * provider reported): polled until the provider's real outcome is known, which is then applied.
     */
    @Column(nullable = false)
    public boolean reconcile;
    @Column(name = "training_file_id")
    public String trainingFileId;
    @Column(name = "validation_file_id")
    public String validationFileId;
    @Column(name = "fine_tuned_model")
    public String fineTunedModel;
    @Column(name = "trained_tokens")
    public Long trainedTokens;
    @Column(name = "n_epochs")
    public Integer nEpochs;
    @Column(name = "failure_kind")
    public String failureKind;
    @Column(name = "failure_message")
    public String failureMessage;
    @Column(name = "failure_advice")
    public String failureAdvice;
    /** JSON array of advisories. */
    @Column(nullable = false)
    public String advisories;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "poll_interval_ms", nullable = false)
    public long pollIntervalMs;
    @Column(name = "last_step", nullable = false)
    public long lastStep;
    @Column(name = "progress_published_at")
    public Instant progressPublishedAt;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The pipeline whose run created the job; null for a job created directly. */
    @Column(name = "pipeline_id")
    public String pipelineId;
    /** The cost reservation made at cost-service before the job may take a slot (null: none yet, or no cost check). */
    @Column(name = "reservation_id")
    public String reservationId;
    /** Why the job waits for budget (cost-service held it, or could not be asked); null otherwise. */
    @Column(name = "budget_reason")
    public String budgetReason;
    /** When a job waiting for budget without a hold of its own is checked at cost-service again. */
    @Column(name = "budget_recheck_at")
    public Instant budgetRecheckAt;
    /** Failed calls to cost-service in a row (their backoff). */
    @Column(name = "budget_attempts", nullable = false)
    public int budgetAttempts;

    public static Optional<FineTuneJob> ofTenant(String tenantId, String id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }
}
