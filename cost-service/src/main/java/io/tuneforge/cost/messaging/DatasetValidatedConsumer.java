package io.tuneforge.cost.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.cost.domain.TrainingEstimate;
import io.tuneforge.cost.estimate.AutoEpochs;
import io.tuneforge.events.Topics;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** Estimates the training tokens of every validated dataset version ({@value Topics#DATASET_VALIDATED}). */
@ApplicationScoped
public class DatasetValidatedConsumer {

    static final String CONSUMER = "training-estimates";

    @Inject
    EventInbox inbox;

    @Inject
    Clock clock;

    @Incoming("dataset-validated")
    @Blocking
    public CompletionStage<Void> onDatasetValidated(Message<String> message) {
        return inbox.process(CONSUMER, message, DatasetValidated.class, this::estimate);
    }

    void estimate(ReceivedEvent<DatasetValidated> event) {
        DatasetValidated validated = event.payload();
        long trainExamples = validated.splits().stream().filter(s -> s.name().equals("train"))
                .mapToLong(SplitSummary::examples).findFirst().orElse(validated.exampleCount());
        TrainingEstimate estimate = new TrainingEstimate();
        estimate.versionId = validated.versionId();
        estimate.tenantId = event.tenantId();
        estimate.datasetId = validated.datasetId();
        estimate.version = validated.version();
        estimate.trainExamples = trainExamples;
        estimate.tokensPerEpoch = validated.billableTokens();
        estimate.autoEpochs = trainExamples > 0 ? AutoEpochs.forExamples(trainExamples) : 0;
        estimate.trainedTokens = estimate.tokensPerEpoch * estimate.autoEpochs;
        estimate.estimatedAt = clock.instant();
        estimate.persist();
    }
}
