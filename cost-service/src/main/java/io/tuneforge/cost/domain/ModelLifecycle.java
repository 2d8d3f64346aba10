package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider says about a base model's life: whether and how it can be fine-tuned there, when it is
 * deprecated and shut down, and what to use instead; with where that was read and when. A null date or
 * substitute is unknown, not "never".
 */
@Entity
@Table(name = "model_lifecycle")
public class ModelLifecycle extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "model_id")
        public String modelId;

        @Column(name = "provider")
        public String provider;

        public Key() {
        }

        public Key(String modelId, String provider) {
            this.modelId = modelId;
            this.provider = provider;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(modelId, k.modelId) && Objects.equals(provider, k.provider);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, provider);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "fine_tunable", nullable = false)
    public boolean fineTunable;

    /** Comma-separated {@link TrainingMethod} wire names. */
    @Column(nullable = false)
    public String methods;

    /** Comma-separated {@link TrainingTier} wire names (Azure only). */
    @Column(name = "training_tiers", nullable = false)
    public String trainingTiers;

    @Column(name = "deprecated_on")
    public LocalDate deprecatedOn;

    @Column(name = "shutdown_on")
    public LocalDate shutdownOn;

    @Column(name = "training_ends_on")
    public LocalDate trainingEndsOn;

    public String substitute;

    @Column(name = "substitute_provider")
    public String substituteProvider;

    @Column(columnDefinition = "text")
    public String notes;

    @Column(nullable = false, columnDefinition = "text")
    public String source;

    @Column(name = "checked_on", nullable = false)
    public LocalDate checkedOn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public List<String> methodList() {
        return split(methods);
    }

    public List<String> tierList() {
        return split(trainingTiers);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).toList();
    }

    public static Optional<ModelLifecycle> of(String modelId, String provider) {
        return findByIdOptional(new Key(modelId, provider));
    }

    public static List<ModelLifecycle> listed(String modelId, String provider) {
        if (modelId != null && provider != null) {
            return list("key.modelId = ?1 and key.provider = ?2 order by key.modelId, key.provider", modelId, provider);
        }
        if (modelId != null) {
            return list("key.modelId = ?1 order by key.modelId, key.provider", modelId);
        }
        if (provider != null) {
            return list("key.provider = ?1 order by key.modelId, key.provider", provider);
        }
        return list("order by key.modelId, key.provider");
    }
}
