package io.tuneforge.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A model a job of the tenant produced ({@code job.succeeded}), with the provider account that trained it. */
@Entity
@Table(name = "fine_tuned_model")
@IdClass(FineTunedModel.Key.class)
public class FineTunedModel extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "model_id")
    public String modelId;

    @Column(name = "base_model", nullable = false)
    public String baseModel;

    @Column(name = "job_id", nullable = false)
    public String jobId;

    /** The training-service account the job ran on; null when the job named none (the fallback connection). */
    @Column(name = "provider_account_id")
    public String providerAccountId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(name = "model_version", nullable = false)
    public int modelVersion;

    /** When the job finished. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<FineTunedModel> of(String tenantId, String modelId) {
        return find("tenantId = ?1 and modelId = ?2", tenantId, modelId).firstResultOptional();
    }

    /** Whether a job of another tenant produced this model id (index on model_id). */
    public static boolean ownedByAnotherTenant(String tenantId, String modelId) {
        return count("modelId = ?1 and tenantId <> ?2", modelId, tenantId) > 0;
    }

    public static List<FineTunedModel> ofTenant(String tenantId) {
        return list("tenantId = ?1 order by createdAt, modelId", tenantId);
    }

    public static class Key implements Serializable {
        public String tenantId;
        public String modelId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.tenantId, tenantId) && Objects.equals(k.modelId, modelId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, modelId);
        }
    }
}
