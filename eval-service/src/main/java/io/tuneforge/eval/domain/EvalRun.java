package io.tuneforge.eval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An evaluation run: models answering one held-out test set, then metrics, gates and a decision. */
@Entity
@Table(name = "eval_run")
public class EvalRun extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "version_id", nullable = false)
    public String versionId;

    @Column(name = "test_path", nullable = false)
    public String testPath;

    /** The {@link EvalSpec} as JSON. */
    @Column(nullable = false)
    public String spec;

    @Column(nullable = false)
    public String state;

    public Integer examples;

    public String decision;

    @Column(name = "failure_kind")
    public String failureKind;

    public String failure;

    /** The finished {@code report.EvalReport} as JSON, so reading a report never recomputes it. */
    public String report;

    /** The training job whose model this run evaluates (started by {@code job.succeeded}), else null. */
    @Column(name = "job_id")
    public String jobId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    /** The training-service provider account (id or name) the models are called through; null uses the configured one. */
    @Column(name = "provider_account")
    public String providerAccount;

    /** Times the run held back because the provider's x-ratelimit-* headers said the budget was (nearly) used up. */
    @Column(name = "paced_waits", nullable = false)
    public int pacedWaits;

    /** Times a call was still rate limited (429) after the client's own retries. */
    @Column(name = "throttled_calls", nullable = false)
    public int throttledCalls;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public EvalState evalState() {
        return EvalState.ofWire(state);
    }

    public static Optional<EvalRun> ofTenant(String tenantId, String id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static Optional<EvalRun> ofJob(String tenantId, String jobId) {
        return find("tenantId = ?1 and jobId = ?2", tenantId, jobId).firstResultOptional();
    }

    public static List<EvalRun> page(String tenantId, String datasetId, String jobId, String after, int limit) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("tenant", tenantId);
        if (datasetId != null) {
            query.append(" and datasetId = :dataset");
            params.and("dataset", datasetId);
        }
        if (jobId != null) {
            query.append(" and jobId = :job");
            params.and("job", jobId);
        }
        if (after != null) {
            query.append(" and id < :after");
            params.and("after", after);
        }
        // Newest first: ids are time-ordered ULIDs.
        return find(query + " order by id desc", params).page(0, limit + 1).list();
    }
}
