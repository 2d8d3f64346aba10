package io.tuneforge.gateway.routing;

import io.tuneforge.gateway.domain.Arm;

/**
 * Where one call goes: the concrete model, the arm it is, the provider account to call it on, and the
 * rollout step it counts for (null outside a rollout).
 *
 * @param alias     the alias called, or null for a model id called directly
 * @param accountId null = the fallback connection
 */
public record Route(String alias, Arm arm, String model, String accountId, String pipelineId, String rolloutId, Integer stepIndex) {
}
