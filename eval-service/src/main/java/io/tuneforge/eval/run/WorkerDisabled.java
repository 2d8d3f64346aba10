package io.tuneforge.eval.run;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.tuneforge.eval.EvalConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** {@code tuneforge.eval.worker.enabled=false} keeps this replica from running evaluations (e.g. an API-only replica, or a test driving runs itself). */
@Singleton
public class WorkerDisabled implements Scheduled.SkipPredicate {

    @Inject
    EvalConfig config;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.worker().enabled();
    }
}
