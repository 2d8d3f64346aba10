package io.tuneforge.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a tenant's jobs run: OpenAI, Azure OpenAI or any OpenAI-compatible base URL. */
@Entity
@Table(name = "provider_account")
public class ProviderAccount extends PanacheEntityBase {

    public static final List<String> KINDS = List.of("openai", "azure", "compatible");

    @Id
    public String id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String kind;
    @Column(name = "base_url", nullable = false)
    public String baseUrl;
    /** AES-GCM sealed (ApiKeyVault); never leaves the service. */
    @Column(name = "api_key_sealed", nullable = false)
    public String apiKeySealed;
    /** Signing secret of the provider's webhooks (whsec_...), sealed; null when webhooks are not used. */
    @Column(name = "webhook_secret_sealed")
    public String webhookSecretSealed;
    @Column(name = "key_fingerprint", nullable = false)
    public String keyFingerprint;
    public String organization;
    public String project;
    @Column(name = "azure_api_version")
    public String azureApiVersion;
    @Column(name = "max_active_jobs", nullable = false)
    public int maxActiveJobs;
    @Column(name = "requests_per_minute", nullable = false)
    public int requestsPerMinute;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ProviderAccount> ofTenant(String tenantId, String id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static List<ProviderAccount> allOfTenant(String tenantId) {
        return list("tenantId = ?1 order by id", tenantId);
    }
}
