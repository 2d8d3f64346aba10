package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A fine-tunable base model: its limits and the fine-tuning methods it supports (prices are in {@link ModelPrice}). */
@Entity
@Table(name = "catalog_model")
public class CatalogModel extends PanacheEntityBase {

    @Id
    @Column(name = "model_id")
    public String modelId;

    /** The dated snapshot fine-tuning jobs are created with, e.g. {@code gpt-4.1-mini-2025-04-14}. */
    @Column(nullable = false)
    public String snapshot;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(name = "context_window", nullable = false)
    public int contextWindow;

    @Column(name = "max_output_tokens")
    public Integer maxOutputTokens;

    /** The longest training example (tokens) a fine-tuning job accepts for this model. */
    @Column(name = "max_example_tokens", nullable = false)
    public int maxExampleTokens;

    @Column(name = "supports_supervised", nullable = false)
    public boolean supportsSupervised;

    @Column(name = "supports_dpo", nullable = false)
    public boolean supportsDpo;

    @Column(name = "supports_vision", nullable = false)
    public boolean supportsVision;

    @Column(name = "limits_source", nullable = false, columnDefinition = "text")
    public String limitsSource;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> methods() {
        List<String> methods = new ArrayList<>();
        if (supportsSupervised) {
            methods.add(FineTuningMethod.SUPERVISED.wireName());
        }
        if (supportsDpo) {
            methods.add(FineTuningMethod.DPO.wireName());
        }
        if (supportsVision) {
            methods.add(FineTuningMethod.VISION.wireName());
        }
        return methods;
    }

    public boolean supports(FineTuningMethod method) {
        return switch (method) {
            case SUPERVISED -> supportsSupervised;
            case DPO -> supportsDpo;
            case VISION -> supportsVision;
        };
    }

    public static List<CatalogModel> all() {
        return list("order by modelId");
    }

    public static List<CatalogModel> pageOf(String after, int limit) {
        return after == null
                ? find("order by modelId").page(0, limit + 1).list()
                : find("modelId > ?1 order by modelId", after).page(0, limit + 1).list();
    }

    /**
     * The catalog model a provider model name refers to: the id ({@code gpt-4.1-mini}), its snapshot
     * ({@code gpt-4.1-mini-2025-04-14}), another dated snapshot of it, or a fine-tuned model built on it
     * ({@code ft:gpt-4.1-mini-2025-04-14:acme:tickets:abc}).
     */
    public static Optional<CatalogModel> resolve(String modelName) {
        if (modelName == null || modelName.isBlank()) {
            return Optional.empty();
        }
        String base = modelName.startsWith("ft:") ? modelName.substring(3).split(":", 2)[0] : modelName;
        return all().stream()
                .filter(m -> base.equals(m.modelId) || base.equals(m.snapshot) || isDatedSnapshotOf(base, m.modelId))
                // gpt-4.1-mini-2025-04-14 must resolve to gpt-4.1-mini, not gpt-4.1: the longest id wins.
                .max((a, b) -> Integer.compare(a.modelId.length(), b.modelId.length()));
    }

    private static boolean isDatedSnapshotOf(String name, String modelId) {
        return name.startsWith(modelId + "-") && name.substring(modelId.length() + 1).matches("\\d{4}-\\d{2}-\\d{2}");
    }
}
