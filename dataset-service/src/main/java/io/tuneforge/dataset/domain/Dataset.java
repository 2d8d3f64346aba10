package io.tuneforge.dataset.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A named collection of fine-tuning data owned by a tenant; its content lives in immutable versions. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String method;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The held-out test size of its versions unless an upload names one: a fraction or a count (neither: the configured percentage). */
    @Column(name = "test_fraction", precision = 5, scale = 4)
    public java.math.BigDecimal testFraction;

    @Column(name = "test_count")
    public Long testCount;

    public io.tuneforge.dataset.split.TestSize testSize() {
        return io.tuneforge.dataset.split.TestSize.ofStored(testFraction, testCount);
    }

    public void testSize(io.tuneforge.dataset.split.TestSize size) {
        testFraction = size == null ? null : size.fraction();
        testCount = size == null ? null : size.count();
    }

    public static Optional<Dataset> findOwned(String tenantId, String id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** Up to {@code limit + 1} datasets of the tenant after the cursor, oldest first. */
    public static List<Dataset> pageOf(String tenantId, String after, int limit) {
        return (after == null
                ? find("tenantId = ?1 order by id", tenantId)
                : find("tenantId = ?1 and id > ?2 order by id", tenantId, after))
                .page(0, limit + 1).list();
    }
}
