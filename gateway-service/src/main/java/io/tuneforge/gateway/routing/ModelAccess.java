package io.tuneforge.gateway.routing;

import io.tuneforge.gateway.GatewayConfig;
import io.tuneforge.gateway.domain.FineTunedModel;
import jakarta.enterprise.context.ApplicationScoped;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Which model ids a tenant may name. A fine-tuned model belongs to the tenant whose job produced it
 * ({@code job.succeeded}, {@link FineTunedModel}): another tenant's is unknown to everyone else, on a call as on
 * {@code GET /v1/models/{id}}, in an alias and as a rollout candidate. On the tenant's own provider account any
 * other model id is the provider's to judge (the tenant's key, the tenant's spend). The operator's fallback
 * connection is off for a tenant unless {@code tuneforge.gateway.fallback.grants.<tenant>} lists the base models it
 * may call there; its own fine-tuned models come with any grant.
 */
@ApplicationScoped
public class ModelAccess {

    @Inject
    GatewayConfig config;

    /** What the registry says about one model id for one tenant. */
    public enum Ownership {
        /** one of the tenant's fine-tuned models */
        OWN,
        /** a fine-tuned model of another tenant */
        OTHER_TENANT,
        /** not a fine-tuned model tuneforge knows of: a base model, or a model the tenant's own account may hold */
        UNKNOWN
    }

    /** Reads the registry; call inside a transaction. */
    public Ownership ownership(String tenantId, String model) {
        if (FineTunedModel.of(tenantId, model).isPresent()) {
            return Ownership.OWN;
        }
        return FineTunedModel.ownedByAnotherTenant(tenantId, model) ? Ownership.OTHER_TENANT : Ownership.UNKNOWN;
    }

    /** Whether the tenant may call the model on the operator's fallback connection. */
    public boolean fallbackAllows(String tenantId, String model, Ownership ownership) {
        List<String> granted = config.fallback().grants().get(tenantId);
        if (granted == null || granted.isEmpty() || ownership == Ownership.OTHER_TENANT) {
            return false;
        }
        if (ownership == Ownership.OWN) {
            return true;
        }
        // Unregistered fine-tuned ids on the operator's key are some other tenant's, or the operator's own: never granted.
        if (looksFineTuned(model)) {
            return false;
        }
        return granted.stream().anyMatch(pattern -> matches(pattern.trim(), model));
    }

    public boolean fallbackGranted(String tenantId) {
        List<String> granted = config.fallback().grants().get(tenantId);
        return granted != null && !granted.isEmpty();
    }

    /**
     * Refuses, for an alias or a rollout on {@code accountId} (null = the fallback connection), a model the tenant
     * may not name there: another tenant's fine-tuned model is not found (404, as for one that does not exist); a
     * model the fallback does not serve for the tenant needs the tenant's own account (400 on {@code account_id}).
     * Call inside a transaction.
     */
    public void requireUsable(String tenantId, String model, String accountId, String field) {
        Ownership ownership = ownership(tenantId, model);
        if (ownership == Ownership.OTHER_TENANT) {
            throw ApiProblem.notFound("Model", model);
        }
        if (accountId == null && !fallbackAllows(tenantId, model, ownership)) {
            throw ApiProblem.invalid("The model cannot be served without a provider account of your tenant; see errors.",
                    List.of(new Problem.FieldError("account_id", "is required for " + field + " '" + model + "': the operator's "
                            + "fallback connection " + (fallbackGranted(tenantId) ? "is not granted to your tenant for this model"
                            : "is not granted to your tenant") + "; name a provider account of training-service "
                            + "(POST /api/v1/accounts), or ask an admin for a fallback grant")));
        }
    }

    /** The OpenAI-shaped message for a model the caller may not use: the same whether it exists elsewhere or not. */
    public static String notFoundMessage(String model) {
        return "The model '" + model + "' does not exist or you do not have access to it. Use an alias of your tenant, one of "
                + "your fine-tuned models (GET /v1/models lists both), or a base model your provider account or your tenant's "
                + "grant allows.";
    }

    /** OpenAI's fine-tuned ids ({@code ft:...}) and Azure OpenAI's fine-tuned model names ({@code ....ft-...}). */
    static boolean looksFineTuned(String model) {
        return model.startsWith("ft:") || model.contains(".ft-");
    }

    /** Exact, or a prefix ending in {@code *} ({@code gpt-4.1*}); {@code *} alone is every base model. */
    static boolean matches(String pattern, String model) {
        return pattern.endsWith("*") ? model.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(model);
    }
}
