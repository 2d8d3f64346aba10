package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tuneforge.dataset.validation.tokens.TrainingModel;
import io.tuneforge.platform.problem.ApiProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * The catalog model a provider model name refers to, resolved exactly as the validator resolves it
     * ({@link TrainingModel#find}): the id, a dated snapshot, Azure's spelling, an OpenAI fine-tuned model
     * ({@code ft:<base>:...}), an Azure fine-tuned model ({@code <base>.ft-<id>}), or one of the tenant's
     * Azure deployments ({@code deployments}: deployment name to the model it serves). A model an admin
     * added to the catalog that the validator does not know resolves by its exact id or snapshot only.
     */
    public static Optional<CatalogModel> resolve(String modelName, Map<String, String> deployments) {
        if (modelName == null || modelName.isBlank()) {
            return Optional.empty();
        }
        Optional<TrainingModel> known = TrainingModel.find(modelName, deployments);
        if (known.isPresent()) {
            return CatalogModel.<CatalogModel>findByIdOptional(known.get().baseModel());
        }
        String name = modelName.strip();
        return CatalogModel.<CatalogModel>findByIdOptional(name)
                .or(() -> CatalogModel.<CatalogModel>find("snapshot", name).firstResultOptional());
    }

    /** {@link #resolve(String, Map)} without deployment names. */
    public static Optional<CatalogModel> resolve(String modelName) {
        return resolve(modelName, Map.of());
    }

    /**
     * The catalog model {@code modelName} names, or a 400 naming every model name that would be accepted:
     * for the questions that need a price (estimates, reservations) a guess would be a wrong number.
     */
    public static CatalogModel require(String field, String modelName, Map<String, String> deployments) {
        return resolve(modelName, deployments).orElseThrow(() -> {
            List<String> known = new ArrayList<>(TrainingModel.knownNames());
            all().stream().map(m -> m.modelId).filter(id -> !known.contains(id)).forEach(known::add);
            return ApiProblem.badRequest("Unknown model", (modelName == null || modelName.isBlank()
                    ? field + " is missing" : field + " '" + modelName + "' names no model in the catalog")
                    + ". Use one of " + String.join(", ", known) + ", a fine-tuned model built on one "
                    + "(ft:<base>:<org>:<suffix>:<id>, or Azure's <base>.ft-<id>), or an Azure deployment of one; "
                    + "GET /api/v1/catalog/models lists them.");
        });
    }

    /**
     * Whether a model name is a fine-tuned model (priced with fine-tuned inference prices): an OpenAI
     * {@code ft:} name, an Azure {@code .ft-} name, or a deployment serving one.
     */
    public static boolean isFineTuned(String modelName, Map<String, String> deployments) {
        if (modelName == null) {
            return false;
        }
        String name = modelName.strip();
        String served = deployments.getOrDefault(name, name);
        return isFineTunedName(name) || isFineTunedName(served);
    }

    private static boolean isFineTunedName(String name) {
        return name.startsWith("ft:") || name.matches(".+\\.ft-[0-9A-Za-z][0-9A-Za-z_-]*");
    }
}
