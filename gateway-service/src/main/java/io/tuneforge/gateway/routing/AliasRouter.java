package io.tuneforge.gateway.routing;

import io.tuneforge.gateway.domain.Alias;
import io.tuneforge.gateway.domain.Arm;
import io.tuneforge.gateway.domain.CaptureSetting;
import io.tuneforge.gateway.domain.FineTunedModel;
import io.tuneforge.gateway.domain.Rollout;
import io.tuneforge.gateway.rollout.RolloutSteps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Resolves the {@code model} a caller named: an alias of the tenant goes to its stable model, or, while a
 * rollout of it is live, to the candidate for the current step's share; anything else is taken as a
 * concrete model id and passed straight through, on the provider account that trained it when it is one of
 * the tenant's fine-tuned models ({@code job.succeeded}), else on the fallback connection. Another tenant's
 * fine-tuned model is not found, named directly or behind an alias ({@link ModelAccess}). Read from the database on
 * every call, so every replica routes by the same committed state.
 */
@ApplicationScoped
public class AliasRouter {

    @Inject
    RolloutSteps steps;

    @Inject
    ModelAccess access;

    /** @throws ModelNotFound the model (named, or behind the alias) is another tenant's fine-tuned model */
    @Transactional
    public Route route(String tenantId, String model, String user) {
        Optional<Alias> found = Alias.of(tenantId, model);
        if (found.isEmpty()) {
            Optional<FineTunedModel> trained = FineTunedModel.of(tenantId, model);
            ModelAccess.Ownership ownership = trained.isPresent() ? ModelAccess.Ownership.OWN : access.ownership(tenantId, model);
            return checked(new Route(null, Arm.DIRECT, model, trained.map(m -> m.providerAccountId).orElse(null),
                    trained.map(m -> m.pipelineId).orElse(null), null, null, CaptureSetting.OFF, ownership));
        }
        Alias alias = found.get();
        Optional<Rollout> live = Rollout.live(tenantId, alias.name);
        if (live.isEmpty()) {
            return checked(new Route(alias.name, Arm.STABLE, alias.stableModel, alias.accountId, alias.pipelineId, null, null,
                    alias.capture(), access.ownership(tenantId, alias.stableModel)));
        }
        Rollout rollout = live.get();
        int percent = steps.percentOf(rollout);
        boolean candidate = TrafficSplit.toCandidate(percent, rollout.id, user);
        // The rollout's own stable model, not the alias's: a hand edit during a rollout does not mix arms.
        String served = candidate ? rollout.candidateModel : rollout.stableModel;
        return checked(new Route(alias.name, candidate ? Arm.CANDIDATE : Arm.STABLE, served, alias.accountId, alias.pipelineId,
                rollout.id, rollout.stepIndex, alias.capture(), access.ownership(tenantId, served)));
    }

    private static Route checked(Route route) {
        if (route.ownership() == ModelAccess.Ownership.OTHER_TENANT) {
            throw new ModelNotFound(route.model());
        }
        return route;
    }
}
