package io.tuneforge.training.monitoring;

import io.tuneforge.training.TrainingConfig;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.provider.FineTuningProvider;
import io.tuneforge.training.provider.ProviderCheckpoint;
import io.tuneforge.training.provider.ProviderConnection;
import io.tuneforge.training.provider.ProviderEvent;
import io.tuneforge.training.provider.ProviderJob;
import io.tuneforge.training.leases.JobLeases;
import io.tuneforge.training.lifecycle.JobLifecycle;
import io.tuneforge.training.lifecycle.JobStateMachine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Adaptive polling of a job on its provider: each poll stores new events, metrics and (at the end)
 * checkpoints, and follows the provider's status. The interval drops to the minimum whenever
 * something changed and grows by half while nothing does, up to the maximum.
 */
@ApplicationScoped
public class JobWatcher {

    @Inject
    FineTuningProvider provider;

    @Inject
    JobTimeline timeline;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    JobLeases leases;

    @Inject
    TrainingConfig config;

    @Inject
    Clock clock;

    public void poll(FineTuneJob job, ProviderConnection connection) {
        ProviderJob current = provider.retrieve(connection, job.providerJobId);
        List<ProviderEvent> events = provider.newEvents(connection, job.providerJobId, id -> timeline.knows(job.id, id));
        JobState next = JobStateMachine.ofProviderStatus(current.status());
        List<ProviderCheckpoint> checkpoints = next == JobState.SUCCEEDED ? provider.checkpoints(connection, job.providerJobId) : List.of();
        leases.commit(job.id, job.state, j -> apply(j, current, next, events, checkpoints,
                !Objects.equals(j.nextAttemptAt, job.nextAttemptAt)));
    }

    /**
     * @param wokenMeanwhile a webhook made the job due while this poll was under way: what it announced may
     *                       have happened after the provider answered us, so poll again at once instead of
     *                       waiting out the interval
     */
    private void apply(FineTuneJob job, ProviderJob current, JobState next, List<ProviderEvent> events,
                       List<ProviderCheckpoint> checkpoints, boolean wokenMeanwhile) {
        lifecycle.answered(job);
        if (current.nEpochs() != null) {
            job.nEpochs = current.nEpochs();
        }
        MetricPoint latest = null;
        for (ProviderEvent e : events) {
            timeline.record(job.id, job.tenantId, e);
            if ("metrics".equals(e.type()) && e.data().get("step") instanceof Number step) {
                latest = new MetricPoint(step.longValue(), number(e, "total_steps") == null ? null : number(e, "total_steps").longValue(),
                        asDouble(number(e, "train_loss")), asDouble(number(e, "valid_loss")), asDouble(number(e, "full_valid_loss")));
            }
        }
        checkpoints.forEach(c -> timeline.record(job.id, c));
        if (job.reconcile && !next.terminal()) {
            // Still running on the provider after tuneforge marked it failed: wait for its real outcome.
            job.nextAttemptAt = clock.instant().plus(config.monitoring().maxPollInterval());
            job.updatedAt = clock.instant();
            return;
        }
        if (latest != null) {
            lifecycle.progressed(job, latest);
        }
        switch (next) {
            case SUCCEEDED -> lifecycle.succeeded(job, current);
            case FAILED -> lifecycle.failed(job, JobFailure.classify(current.errorCode(), current.errorMessage()), current.trainedTokens());
            case CANCELLED -> lifecycle.cancelledOnProvider(job, "cancelled on the provider");
            default -> {
                boolean changed = next != job.state || !events.isEmpty();
                lifecycle.reported(job, next);
                long min = config.monitoring().minPollInterval().toMillis();
                long max = config.monitoring().maxPollInterval().toMillis();
                job.pollIntervalMs = changed ? min : Math.min(max, Math.max(min, job.pollIntervalMs + job.pollIntervalMs / 2));
                job.nextAttemptAt = wokenMeanwhile ? clock.instant() : clock.instant().plusMillis(job.pollIntervalMs);
                job.updatedAt = clock.instant();
            }
        }
    }

    private static Number number(ProviderEvent e, String key) {
        return e.data().get(key) instanceof Number n ? n : null;
    }

    private static Double asDouble(Number n) {
        return n == null ? null : n.doubleValue();
    }
}
