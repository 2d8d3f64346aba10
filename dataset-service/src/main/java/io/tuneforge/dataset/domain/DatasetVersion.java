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
import java.util.Optional;

/** One immutable upload of a dataset, with its verdict and findings. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion extends PanacheEntityBase {

    public enum Status { VALIDATED, REJECTED }

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "example_count", nullable = false)
    public long exampleCount;

    @Column(name = "billable_tokens", nullable = false)
    public long billableTokens;

    @Column(nullable = false)
    public String encoding;

    @Column(name = "error_count", nullable = false)
    public long errorCount;

    /** The findings as JSON (the validation report). */
    @Column(nullable = false, columnDefinition = "text")
    public String findings;

    /** The validation engine's full report as JSON; null for versions stored before it existed. */
    @Column(columnDefinition = "text")
    public String report;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<DatasetVersion> findOwned(String tenantId, String datasetId, int version) {
        return find("tenantId = ?1 and datasetId = ?2 and version = ?3", tenantId, datasetId, version).firstResultOptional();
    }

    public static List<DatasetVersion> ofDataset(String tenantId, String datasetId) {
        return list("tenantId = ?1 and datasetId = ?2 order by version", tenantId, datasetId);
    }
}
