package io.tuneforge.cost.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.cost.estimate.TrainingEstimator;
import io.tuneforge.events.Topics;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Estimates the training cost of every validated dataset version ({@value Topics#DATASET_VALIDATED}). */
@ApplicationScoped
public class DatasetValidatedConsumer {

    static final String CONSUMER = "training-estimates";

    @Inject
    EventInbox inbox;

    @Inject
    TrainingEstimator estimator;

    @Incoming("dataset-validated")
    @Blocking
    public CompletionStage<Void> onDatasetValidated(Message<String> message) {
        return inbox.process(CONSUMER, message, DatasetValidated.class,
                event -> estimator.estimate(event.tenantId(), event.payload()));
    }
}
