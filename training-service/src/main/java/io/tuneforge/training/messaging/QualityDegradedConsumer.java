package io.tuneforge.training.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.feedback.QualityDegraded;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import io.tuneforge.training.pipeline.PipelineTriggers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Users' feedback on a served model turned negative ({@code quality.degraded}, from gateway-service): the
 * pipeline that model belongs to retrains, like on a measured quality drop. Applied once per event.
 */
@ApplicationScoped
public class QualityDegradedConsumer {

    static final String CONSUMER = "feedback-retraining";

    @Inject
    EventInbox inbox;

    @Inject
    PipelineTriggers triggers;

    @Incoming("quality-degraded")
    @Blocking
    public CompletionStage<Void> onQualityDegraded(Message<String> message) {
        return inbox.process(CONSUMER, message, QualityDegraded.class, this::apply);
    }

    void apply(ReceivedEvent<QualityDegraded> event) {
        triggers.onFeedbackDegraded(event.tenantId(), event.payload());
    }
}
