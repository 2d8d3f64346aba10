package io.tuneforge.eval.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.EvalTask;
import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import io.tuneforge.eval.domain.TestSet;
import io.tuneforge.eval.run.NewRun;
import io.tuneforge.eval.run.RunLifecycle;
import io.tuneforge.events.Topics;
import io.tuneforge.events.job.EvaluationRequest;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Starts the evaluation a pipeline asks for on {@value Topics#JOB_SUCCEEDED}: the new fine-tuned model
 * (candidate) against its base model (baseline) and, when given, the version in production, on the
 * held-out split of the dataset version it was trained on, with the pipeline's gates. One run per job:
 * the inbox drops a redelivered event, and a run that already exists for the job is kept.
 */
@ApplicationScoped
public class JobSucceededConsumer {

    static final String CONSUMER = "evaluations";
    private static final Logger LOG = Logger.getLogger(JobSucceededConsumer.class);
    private static final int DEFAULT_CONCURRENCY = 4;

    @Inject
    EventInbox inbox;

    @Inject
    RunLifecycle lifecycle;

    @Inject
    ObjectMapper json;

    @Incoming("job-succeeded")
    @Blocking
    public CompletionStage<Void> onJobSucceeded(Message<String> message) {
        return inbox.process(CONSUMER, message, JobSucceeded.class, this::start);
    }

    void start(ReceivedEvent<JobSucceeded> event) {
        JobSucceeded job = event.payload();
        EvaluationRequest request = job.evaluation();
        if (request == null || EvalRun.ofJob(event.tenantId(), job.jobId()).isPresent()) {
            return;
        }
        List<ModelUnderTest> models = new ArrayList<>();
        models.add(new ModelUnderTest(ModelRole.CANDIDATE, job.fineTunedModel()));
        models.add(new ModelUnderTest(ModelRole.BASELINE, job.baseModel()));
        if (request.productionModel() != null && !request.productionModel().isBlank()
                && !request.productionModel().equals(job.fineTunedModel())) {
            models.add(new ModelUnderTest(ModelRole.PRODUCTION, request.productionModel()));
        }
        // The pipeline's task (training-service validated it); none named: exact match (normalized), no format requirement.
        EvalTask task = request.task() == null ? new EvalTask(null, null, null, null) : json.convertValue(request.task(), EvalTask.class);
        EvalSpec spec = new EvalSpec(models, task, GateSettings.from(request.gates()),
                DEFAULT_CONCURRENCY, null);
        // No held-out split recorded for this version (too few examples to split one off): the run fails at once, saying so.
        TestSet testSet = TestSet.findById(job.datasetVersionId());
        TestSet own = testSet != null && testSet.tenantId.equals(event.tenantId()) ? testSet : null;
        EvalRun run = lifecycle.queue(new NewRun(event.tenantId(), job.datasetId(), job.datasetVersionId(), own, spec,
                job.providerAccountId(), job.jobId(), job.pipelineId()));
        LOG.infof("job %s succeeded: evaluation %s %s (%s vs %s)", job.jobId(), run.id, run.state, job.fineTunedModel(),
                job.baseModel());
    }

}
