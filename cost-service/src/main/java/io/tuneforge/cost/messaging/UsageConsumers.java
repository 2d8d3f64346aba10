package io.tuneforge.cost.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.cost.domain.SpendKind;
import io.tuneforge.cost.spend.SpendLedger;
import io.tuneforge.cost.spend.UsageReport;
import io.tuneforge.events.MalformedEventException;
import io.tuneforge.events.Topics;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.events.inference.InferenceUsage;
import io.tuneforge.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * Books what model calls cost: an evaluation's ({@value Topics#EVAL_COMPLETED}) as evaluation spend and
 * reported traffic ({@value Topics#INFERENCE_USAGE}) as inference spend, through the same
 * {@link SpendLedger#recordUsage} as {@code POST /api/v1/spend/usage}.
 */
@ApplicationScoped
public class UsageConsumers {

    static final String EVALUATION = "evaluation-spend";
    static final String INFERENCE = "inference-spend";

    @Inject
    EventInbox inbox;

    @Inject
    SpendLedger ledger;

    @Inject
    Clock clock;

    @Incoming("eval-completed")
    @Blocking
    public CompletionStage<Void> onEvalCompleted(Message<String> message) {
        // eval.completed carries no time of its own: the envelope's time is when the evaluation finished.
        return inbox.process(EVALUATION, message, EvalCompleted.class, event -> ledger.recordEvaluation(event.tenantId(),
                event.payload(), event.time() != null ? event.time() : clock.instant()));
    }

    @Incoming("inference-usage")
    @Blocking
    public CompletionStage<Void> onInferenceUsage(Message<String> message) {
        return inbox.process(INFERENCE, message, InferenceUsage.class, event -> {
            InferenceUsage usage = event.payload();
            if (usage.cachedPromptTokens() < 0 || usage.cachedPromptTokens() > usage.promptTokens()
                    || usage.completionTokens() < 0) {
                throw new MalformedEventException("usage " + usage.usageId() + ": cached_prompt_tokens "
                        + usage.cachedPromptTokens() + " must be between 0 and prompt_tokens " + usage.promptTokens()
                        + ", and completion_tokens must not be negative");
            }
            ledger.recordUsage(event.tenantId(), new UsageReport(SpendKind.INFERENCE, usage.usageId(), usage.model(),
                    usage.promptTokens() - usage.cachedPromptTokens(), usage.cachedPromptTokens(), usage.completionTokens(),
                    usage.windowStart() != null ? usage.windowStart() : event.time(), usage.pipelineId()));
        });
    }
}
