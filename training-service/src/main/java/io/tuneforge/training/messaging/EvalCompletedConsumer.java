package io.tuneforge.training.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import io.tuneforge.training.registry.ModelEvaluations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** Evaluation results onto the model registry, and quality-drop retraining ({@code eval.completed}). */
@ApplicationScoped
public class EvalCompletedConsumer {

    static final String CONSUMER = "model-evaluations";

    @Inject
    EventInbox inbox;

    @Inject
    ModelEvaluations evaluations;

    @Inject
    Clock clock;

    @Incoming("eval-completed")
    @Blocking
    public CompletionStage<Void> onEvalCompleted(Message<String> message) {
        return inbox.process(CONSUMER, message, EvalCompleted.class, this::apply);
    }

    void apply(ReceivedEvent<EvalCompleted> event) {
        evaluations.completed(event.tenantId(), event.payload(), event.time() != null ? event.time() : clock.instant());
    }
}
