package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a model's prices, USD per 1M tokens, in force from {@link #effectiveFrom} until the
 * next version. A null price is unknown: estimates say so instead of pricing the tokens at zero.
 */
@Entity
@Table(name = "model_price")
public class ModelPrice extends PanacheEntityBase {

    @Id
    @Column(name = "price_id")
    public String priceId;

    @Column(name = "model_id", nullable = false)
    public String modelId;

    @Column(name = "effective_from", nullable = false)
    public Instant effectiveFrom;

    @Column(name = "training_per_million")
    public BigDecimal trainingPerMillion;

    @Column(name = "base_input_per_million")
    public BigDecimal baseInputPerMillion;

    @Column(name = "base_cached_input_per_million")
    public BigDecimal baseCachedInputPerMillion;

    @Column(name = "base_output_per_million")
    public BigDecimal baseOutputPerMillion;

    @Column(name = "ft_input_per_million")
    public BigDecimal ftInputPerMillion;

    @Column(name = "ft_cached_input_per_million")
    public BigDecimal ftCachedInputPerMillion;

    @Column(name = "ft_output_per_million")
    public BigDecimal ftOutputPerMillion;

    @Column(nullable = false, columnDefinition = "text")
    public String source;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** The version in force at {@code at}: the latest that took effect at or before it. */
    public static Optional<ModelPrice> inForce(String modelId, Instant at) {
        return find("modelId = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", modelId, at)
                .firstResultOptional();
    }

    public static List<ModelPrice> history(String modelId) {
        return list("modelId = ?1 order by effectiveFrom", modelId);
    }

    public static boolean exists(String modelId, Instant effectiveFrom) {
        return count("modelId = ?1 and effectiveFrom = ?2", modelId, effectiveFrom) > 0;
    }

    /** The inference prices of the base model ({@code fineTuned = false}) or of a model fine-tuned from it. */
    public InferencePrices inference(boolean fineTuned) {
        return fineTuned
                ? new InferencePrices(ftInputPerMillion, ftCachedInputPerMillion, ftOutputPerMillion)
                : new InferencePrices(baseInputPerMillion, baseCachedInputPerMillion, baseOutputPerMillion);
    }
}
