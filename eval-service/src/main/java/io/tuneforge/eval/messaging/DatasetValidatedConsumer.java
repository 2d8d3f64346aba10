package io.tuneforge.eval.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.eval.domain.TestSet;
import io.tuneforge.events.Topics;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** Registers the held-out test split of every validated dataset version ({@value Topics#DATASET_VALIDATED}). */
@ApplicationScoped
public class DatasetValidatedConsumer {

    static final String CONSUMER = "test-sets";

    @Inject
    EventInbox inbox;

    @Inject
    Clock clock;

    @Incoming("dataset-validated")
    @Blocking
    public CompletionStage<Void> onDatasetValidated(Message<String> message) {
        return inbox.process(CONSUMER, message, DatasetValidated.class, this::register);
    }

    void register(ReceivedEvent<DatasetValidated> event) {
        DatasetValidated validated = event.payload();
        validated.splits().stream()
                .filter(split -> split.name().equals("test") && split.examples() > 0)
                .findFirst()
                .ifPresent(split -> {
                    TestSet set = new TestSet();
                    set.versionId = validated.versionId();
                    set.tenantId = event.tenantId();
                    set.datasetId = validated.datasetId();
                    set.version = validated.version();
                    set.name = validated.name();
                    set.method = validated.method();
                    set.examples = split.examples();
                    set.testPath = split.contentPath();
                    set.recordedAt = clock.instant();
                    set.persist();
                });
    }
}
