package io.tuneforge.training.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.Topics;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import io.tuneforge.training.domain.TrainingData;
import io.tuneforge.training.pipeline.PipelineTriggers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** Learns which dataset versions can be trained on ({@value Topics#DATASET_VALIDATED}) and tells auto-train pipelines. */
@ApplicationScoped
public class DatasetValidatedConsumer {

    static final String CONSUMER = "training-data";

    @Inject
    EventInbox inbox;

    @Inject
    Clock clock;

    @Inject
    PipelineTriggers pipelines;

    @Incoming("dataset-validated")
    @Blocking
    public CompletionStage<Void> onDatasetValidated(Message<String> message) {
        return inbox.process(CONSUMER, message, DatasetValidated.class, this::record);
    }

    void record(ReceivedEvent<DatasetValidated> event) {
        DatasetValidated validated = event.payload();
        TrainingData data = new TrainingData();
        data.versionId = validated.versionId();
        data.tenantId = event.tenantId();
        data.datasetId = validated.datasetId();
        data.version = validated.version();
        data.name = validated.name();
        data.method = validated.method();
        data.exampleCount = validated.exampleCount();
        data.billableTokens = validated.billableTokens();
        data.trainExamples = validated.splits().stream().filter(s -> s.name().equals("train")).map(SplitSummary::examples)
                .findFirst().orElse(null);
        data.trainPath = pathOf(validated, "train");
        data.validationPath = pathOf(validated, "validation");
        data.testPath = pathOf(validated, "test");
        data.validatedEventId = event.id();
        data.recordedAt = clock.instant();
        data.persist();
        pipelines.onNewVersion(event.tenantId(), validated.datasetId(), validated.versionId());
    }

    private static String pathOf(DatasetValidated validated, String split) {
        return validated.splits().stream().filter(s -> s.name().equals(split)).findFirst()
                .map(SplitSummary::contentPath).orElse(null);
    }
}
