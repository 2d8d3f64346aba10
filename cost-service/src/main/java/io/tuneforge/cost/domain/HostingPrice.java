package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The hourly fee of hosting a fine-tuned model on one Azure deployment type, in force from
 * {@code effectiveFrom} until a later version. {@code hourlyUsd} null = unknown, never zero.
 */
@Entity
@Table(name = "hosting_price")
public class HostingPrice extends PanacheEntityBase {

    /** Hours in an average month (8,760 / 12), the figure Azure's pricing calculator uses for monthly hosting. */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    @Id
    @Column(name = "price_id")
    public String priceId;

    @Column(name = "model_id", nullable = false)
    public String modelId;

    @Column(name = "deployment_type", nullable = false)
    public String deploymentType;

    @Column(name = "hourly_usd", precision = 24, scale = 12)
    public BigDecimal hourlyUsd;

    @Column(name = "effective_from", nullable = false)
    public Instant effectiveFrom;

    @Column(nullable = false, columnDefinition = "text")
    public String source;

    @Column(name = "checked_on", nullable = false)
    public LocalDate checkedOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static Optional<HostingPrice> inForce(String modelId, DeploymentType type, Instant at) {
        return find("modelId = ?1 and deploymentType = ?2 and effectiveFrom <= ?3 order by effectiveFrom desc",
                modelId, type.wireName(), at).firstResultOptional();
    }

    public static boolean exists(String modelId, DeploymentType type, Instant effectiveFrom) {
        return count("modelId = ?1 and deploymentType = ?2 and effectiveFrom = ?3", modelId, type.wireName(), effectiveFrom) > 0;
    }

    public static List<HostingPrice> history(String modelId) {
        return list("modelId = ?1 order by deploymentType, effectiveFrom", modelId);
    }
}
