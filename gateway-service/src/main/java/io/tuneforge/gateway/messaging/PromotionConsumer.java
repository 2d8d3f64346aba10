package io.tuneforge.gateway.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.Topics;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.gateway.GatewayConfig;
import io.tuneforge.gateway.domain.Alias;
import io.tuneforge.gateway.domain.AutoRolloutPolicy;
import io.tuneforge.gateway.domain.Rollout;
import io.tuneforge.gateway.rollout.RolloutPlan;
import io.tuneforge.gateway.rollout.Rollouts;
import io.tuneforge.gateway.rollout.StartCommand;
import io.tuneforge.gateway.routing.ModelAccess;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.json.JsonColumns;
import io.tuneforge.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Promotion ({@value Topics#EVAL_COMPLETED}): an evaluation that decided {@code promote} for a pipeline
 * starts, on every alias bound to that pipeline with an {@code auto_rollout} policy, a rollout of the
 * candidate model. An alias that already serves the model, or is already rolling something out, is left
 * as it is (logged): a promotion never interrupts a rollout in flight. Idempotent through the inbox.
 */
@ApplicationScoped
public class PromotionConsumer {

    static final String CONSUMER = "promotions";
    private static final Logger LOG = Logger.getLogger(PromotionConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    Rollouts rollouts;

    @Inject
    JsonColumns columns;

    @Inject
    GatewayConfig config;

    @Inject
    ModelAccess access;

    @Incoming("eval-completed")
    @Blocking
    public CompletionStage<Void> onEvalCompleted(Message<String> message) {
        return inbox.process(CONSUMER, message, EvalCompleted.class, event -> {
            EvalCompleted eval = event.payload();
            if (!"promote".equals(eval.decision()) || eval.pipelineId() == null || eval.candidateModel() == null) {
                return;
            }
            if (access.ownership(event.tenantId(), eval.candidateModel()) == ModelAccess.Ownership.OTHER_TENANT) {
                LOG.warnf("eval %s promotes %s, a fine-tuned model of another tenant: no rollout started for tenant %s",
                        eval.evalId(), eval.candidateModel(), event.tenantId());
                return;
            }
            for (Alias alias : Alias.boundTo(event.tenantId(), eval.pipelineId())) {
                if (alias.autoRollout == null) {
                    continue;
                }
                if (alias.stableModel.equals(eval.candidateModel()) || Rollout.live(event.tenantId(), alias.name).isPresent()) {
                    LOG.infof("eval %s promotes %s, but alias %s/%s already serves it or is rolling out: no rollout started",
                            eval.evalId(), eval.candidateModel(), event.tenantId(), alias.name);
                    continue;
                }
                AutoRolloutPolicy policy = columns.read(alias.autoRollout, AutoRolloutPolicy.class);
                List<Problem.FieldError> errors = new ArrayList<>();
                // Validated when the alias was saved; defaults may have changed since, which is what we want.
                RolloutPlan plan = RolloutPlan.of(policy.steps(), policy.minRequests(), policy.minDurationSeconds(), policy.guards(),
                        config.rollouts(), "auto_rollout.", errors);
                Rollout started = rollouts.start(event.tenantId(), new StartCommand(alias.name, eval.candidateModel(), plan.steps(),
                        plan.minRequests(), plan.minDurationMs(), plan.guards(), "eval", eval.evalId()));
                LOG.infof("eval %s promotes %s: rollout %s of alias %s/%s started", eval.evalId(), eval.candidateModel(), started.id,
                        event.tenantId(), alias.name);
            }
        });
    }
}
