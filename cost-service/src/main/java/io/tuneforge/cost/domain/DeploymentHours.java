package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A period a tenant's Azure deployment was up, booked as hosting spend once per (deployment, period
 * start). It also tells which model each of the tenant's deployments serves, so spend reported under a
 * deployment name is priced as that model.
 */
@Entity
@Table(name = "deployment_hours")
public class DeploymentHours extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "tenant_id")
        public String tenantId;

        @Column(name = "deployment_id")
        public String deploymentId;

        @Column(name = "started_at")
        public Instant startedAt;

        public Key() {
        }

        public Key(String tenantId, String deploymentId, Instant startedAt) {
            this.tenantId = tenantId;
            this.deploymentId = deploymentId;
            this.startedAt = startedAt;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(deploymentId, k.deploymentId)
                    && Objects.equals(startedAt, k.startedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, deploymentId, startedAt);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String sku;

    @Column(name = "entry_id", nullable = false)
    public String entryId;

    /**
     * {@code name} as a deployment of the tenant's, mapped to the model it serves (its latest booked period),
     * in the shape {@code TrainingModel.find} takes; empty when the tenant booked no deployment of that name.
     */
    public static Map<String, String> servedAs(String tenantId, String name) {
        if (name == null) {
            return Map.of();
        }
        return DeploymentHours.<DeploymentHours>find("key.tenantId = ?1 and key.deploymentId = ?2 order by key.startedAt desc",
                        tenantId, name.strip())
                .firstResultOptional().map(d -> Map.of(d.key.deploymentId, d.model)).orElse(Map.of());
    }
}
