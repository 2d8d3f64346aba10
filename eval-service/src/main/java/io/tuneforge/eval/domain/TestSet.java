package io.tuneforge.eval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** The held-out test split of a validated dataset version: never trained on, so fair to evaluate with. */
@Entity
@Table(name = "test_set")
public class TestSet extends PanacheEntityBase {

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

    @Column(nullable = false)
    public long examples;

    @Column(name = "test_path", nullable = false)
    public String testPath;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<TestSet> ofTenant(String tenantId, String datasetId) {
        return datasetId == null
                ? list("tenantId = ?1 order by datasetId, version", tenantId)
                : list("tenantId = ?1 and datasetId = ?2 order by version", tenantId, datasetId);
    }
}
