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

    /** How the version's content came to be. */
    public enum Mode {
        /** A new upload replaces the content. */
        UPLOAD,
        /** The parent's examples followed by the uploaded lines. */
        APPEND,
        /** The parent's examples with personal data and secrets replaced by typed placeholders. */
        REDACTED,
        /** The parent's examples (the latest validated version, if any) followed by preference pairs made from feedback. */
        FEEDBACK;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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

    /** The held-out test size its split used: a fraction or a count; neither for versions stored before it was kept. */
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode = Mode.UPLOAD;

    /** The version this one was derived from (append); null for a new upload. */
    @Column(name = "parent_version_id")
    public String parentVersionId;

    /** Bytes of the request body as sent (compressed if it was gzip). */
    @Column(name = "uploaded_bytes")
    public Long uploadedBytes;

    /** First line of the validated file that came from this upload (1 unless appended). */
    @Column(name = "first_uploaded_line")
    public Long firstUploadedLine;

    /** Per split: examples, tokens, examples per category, as JSON; null before V3 and for rejected versions. */
    @Column(name = "split_stats", columnDefinition = "text")
    public String splitStats;

    /** The format the upload was converted from (dataset-validation's importer), e.g. {@code alpaca}; null if none. */
    @Column(name = "import_format")
    public String importFormat;

    /** The importer's report as JSON: records read/written/skipped, field mappings, skipped records. */
    @Column(name = "import_report", columnDefinition = "text")
    public String importReport;

    /** For a redacted copy: lines changed and replacements per kind, as JSON. */
    @Column(name = "redaction_report", columnDefinition = "text")
    public String redactionReport;

    /** For a version made from feedback: the alias and the pairs it took, by rule, as JSON. */
    @Column(name = "feedback_report", columnDefinition = "text")
    public String feedbackReport;

    /** Whether the split kept each category's proportion (the examples have categories). */
    @Column(nullable = false)
    public boolean stratified;

    public static Optional<DatasetVersion> findOwned(String tenantId, String datasetId, int version) {
        return find("tenantId = ?1 and datasetId = ?2 and version = ?3", tenantId, datasetId, version).firstResultOptional();
    }

    public static Optional<DatasetVersion> latestValidated(String tenantId, String datasetId) {
        return find("tenantId = ?1 and datasetId = ?2 and status = ?3 order by version desc", tenantId, datasetId, Status.VALIDATED)
                .firstResultOptional();
    }

    public static List<DatasetVersion> ofDataset(String tenantId, String datasetId) {
        return list("tenantId = ?1 and datasetId = ?2 order by version", tenantId, datasetId);
    }
}
