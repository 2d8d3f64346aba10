package io.tuneforge.gateway.messaging;

import io.smallrye.common.annotation.Blocking;
import io.tuneforge.events.Topics;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.gateway.domain.FineTunedModel;
import io.tuneforge.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * The gateway's view of the tenants' fine-tuned models ({@value Topics#JOB_SUCCEEDED}): what {@code GET /v1/models}
 * lists next to the aliases, and which provider account a direct call to such a model goes to. Once per event
 * (inbox); a model announced twice (a redelivered or replayed event) is kept as first recorded.
 */
@ApplicationScoped
public class ModelRegistryConsumer {

    static final String CONSUMER = "model-registry";

    @Inject
    EventInbox inbox;

    @Incoming("job-succeeded")
    @Blocking
    public CompletionStage<Void> onJobSucceeded(Message<String> message) {
        return inbox.process(CONSUMER, message, JobSucceeded.class, event -> {
            JobSucceeded job = event.payload();
            if (job.fineTunedModel() == null || job.fineTunedModel().isBlank()
                    || FineTunedModel.of(event.tenantId(), job.fineTunedModel()).isPresent()) {
                return;
            }
            FineTunedModel model = new FineTunedModel();
            model.tenantId = event.tenantId();
            model.modelId = job.fineTunedModel();
            model.baseModel = job.baseModel();
            model.jobId = job.jobId();
            model.providerAccountId = job.providerAccountId();
            model.pipelineId = job.pipelineId();
            model.modelVersion = job.modelVersion();
            model.createdAt = job.finishedAt();
            model.persist();
        });
    }
}
