package io.tuneforge.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** A dataset split already on a provider account: later jobs on the same version reuse it. */
@Entity
@Table(name = "provider_file")
@IdClass(ProviderFile.Key.class)
public class ProviderFile extends PanacheEntityBase {

    public record Key(String accountId, String datasetVersionId, String split) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    @Column(name = "dataset_version_id")
    public String datasetVersionId;
    @Id
    public String split;
    @Column(name = "provider_file_id", nullable = false)
    public String providerFileId;
    @Column(nullable = false)
    public long bytes;
    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public static Optional<ProviderFile> of(String accountId, String datasetVersionId, String split) {
        return find("accountId = ?1 and datasetVersionId = ?2 and split = ?3", accountId, datasetVersionId, split)
                .firstResultOptional();
    }
}
