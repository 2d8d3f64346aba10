package io.tuneforge.gateway.routing;

import io.tuneforge.gateway.domain.Arm;
import io.tuneforge.gateway.domain.CaptureSetting;

/**
 * Where one call goes: the concrete model, the arm it is, the provider account to call it on, and the
 * rollout step it counts for (null outside a rollout).
 *
 * @param alias     the alias called, or null for a model id called directly
 * @param accountId null = the fallback connection
 * @param capture   the alias's capture setting; {@link CaptureSetting#OFF} for a direct call
 * @param ownership what the model registry says about {@code model} for the calling tenant (never another tenant's: refused)
 */
public record Route(String alias, Arm arm, String model, String accountId, String pipelineId, String rolloutId, Integer stepIndex,
                    CaptureSetting capture, ModelAccess.Ownership ownership) {

    /** Whether the exchange of this call is to be captured: only through an alias that captures (both arms). */
    public boolean captures() {
        return alias != null && capture != null && capture.enabled();
    }
}
