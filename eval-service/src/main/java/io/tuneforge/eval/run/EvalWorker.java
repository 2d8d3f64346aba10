package io.tuneforge.eval.run;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Drives runs forward: claims a queued run (or one whose worker died: its lease ran out) and executes
 * it to the end. A run is resumable at any point, so a restart simply claims it again.
 */
@ApplicationScoped
public class EvalWorker {

    private static final Logger LOG = Logger.getLogger(EvalWorker.class);

    @Inject
    RunLifecycle lifecycle;

    @Inject
    RunExecution execution;

    @Scheduled(every = "${tuneforge.eval.worker.poll:2s}", delayed = "${tuneforge.eval.worker.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WorkerDisabled.class)
    void poll() {
        Optional<String> claimed;
        while ((claimed = lifecycle.claim()).isPresent()) {
            String runId = claimed.get();
            try {
                execution.execute(runId);
            } catch (RuntimeException e) {
                // Unexpected: the lease expires and another attempt resumes the run where it stopped.
                LOG.errorf(e, "eval run %s stopped unexpectedly; it resumes when its lease expires", runId);
                return;
            }
        }
    }
}
