package io.tuneforge.eval.messaging;

import io.tuneforge.platform.json.JsonColumns;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.EvalState;
import io.tuneforge.eval.domain.EvalTask;
import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import io.tuneforge.eval.domain.TestSet;
import io.tuneforge.events.Topics;
import io.tuneforge.events.eval.EvalFailed;
import io.tuneforge.events.job.EvaluationRequest;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.inbox.EventInbox;
import io.tuneforge.platform.inbox.ReceivedEvent;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
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
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    JsonColumns columns;

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
        EvalRun run = new EvalRun();
        run.id = EntityIds.next("eval");
        run.tenantId = event.tenantId();
        run.datasetId = job.datasetId();
        run.versionId = job.datasetVersionId();
        run.jobId = job.jobId();
        run.pipelineId = job.pipelineId();
        run.providerAccount = job.providerAccountId();
        run.spec = columns.write(spec);
        run.createdAt = clock.instant();
        TestSet testSet = TestSet.findById(job.datasetVersionId());
        if (testSet == null || !testSet.tenantId.equals(event.tenantId())) {
            // No held-out split was recorded for this version (too few examples to split off a test set).
            String why = "dataset version " + job.datasetVersionId() + " has no held-out test split to evaluate job " + job.jobId()
                    + " on; upload a version with enough examples for a test split";
            run.testPath = "";
            run.state = EvalState.FAILED.wire();
            run.failureKind = "test_set";
            run.failure = why;
            run.finishedAt = clock.instant();
            run.persist();
            outbox.publish(run.tenantId, new EvalFailed(run.id, run.datasetId, run.versionId, "test_set", why, run.jobId,
                    run.pipelineId));
            LOG.infof("job %s: no held-out split, evaluation %s failed at once", job.jobId(), run.id);
            return;
        }
        run.testPath = testSet.testPath;
        run.state = EvalState.QUEUED.wire();
        run.persist();
        LOG.infof("job %s succeeded: evaluation %s queued (%s vs %s)", job.jobId(), run.id, job.fineTunedModel(), job.baseModel());
    }

}
