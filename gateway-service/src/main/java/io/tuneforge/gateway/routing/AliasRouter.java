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
 * the tenant's fine-tuned models ({@code job.succeeded}), else on the fallback connection. Read from the database on every call, so every replica
 * routes by the same committed state.
 */
@ApplicationScoped
public class AliasRouter {

    @Inject
    RolloutSteps steps;

    @Transactional
    public Route route(String tenantId, String model, String user) {
        Optional<Alias> found = Alias.of(tenantId, model);
        if (found.isEmpty()) {
            Optional<FineTunedModel> trained = FineTunedModel.of(tenantId, model);
            return new Route(null, Arm.DIRECT, model, trained.map(m -> m.providerAccountId).orElse(null),
                    trained.map(m -> m.pipelineId).orElse(null), null, null, CaptureSetting.OFF);
        }
        Alias alias = found.get();
        Optional<Rollout> live = Rollout.live(tenantId, alias.name);
        if (live.isEmpty()) {
            return new Route(alias.name, Arm.STABLE, alias.stableModel, alias.accountId, alias.pipelineId, null, null, alias.capture());
        }
        Rollout rollout = live.get();
        int percent = steps.percentOf(rollout);
        boolean candidate = TrafficSplit.toCandidate(percent, rollout.id, user);
        // The rollout's own stable model, not the alias's: a hand edit during a rollout does not mix arms.
        return new Route(alias.name, candidate ? Arm.CANDIDATE : Arm.STABLE, candidate ? rollout.candidateModel : rollout.stableModel,
                alias.accountId, alias.pipelineId, rollout.id, rollout.stepIndex, alias.capture());
    }
}
