package io.tuneforge.eval.run;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@code tuneforge.eval.worker.enabled=false} keeps this replica from running evaluations (e.g. an API-only replica, or a test driving runs itself). */
@Singleton
public class WorkerDisabled implements Scheduled.SkipPredicate {

    @Override
    public boolean test(ScheduledExecution execution) {
        return !ConfigProvider.getConfig().getOptionalValue("tuneforge.eval.worker.enabled", Boolean.class).orElse(true);
    }
}
