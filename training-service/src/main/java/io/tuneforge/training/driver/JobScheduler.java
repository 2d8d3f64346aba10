package io.tuneforge.training.driver;

import io.tuneforge.training.budget.CostReservations;
import io.tuneforge.training.admission.SlotAdmission;
import io.tuneforge.training.leases.JobLeases;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.tuneforge.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The heartbeat: each tick admits waiting jobs into provider slots, then drives every due job one
 * step on a small worker pool. Safe on any number of replicas (see {@link SlotAdmission}, {@link JobLeases}).
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class);

    @Inject
    SlotAdmission admission;

    @Inject
    JobLeases leases;

    @Inject
    JobDriver driver;

    @Inject
    TrainingConfig config;

    @Inject
    CostReservations reservations;

    private ExecutorService pool;

    @Scheduled(every = "${tuneforge.training.scheduler.interval:1s}", delayed = "${tuneforge.training.scheduler.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            if (reservations.enabled()) {
                // Outside the admission lock: cost-service calls take up to their timeout.
                await(leases.claimUnreserved(config.scheduler().batchSize()).stream()
                        .<Future<?>>map(id -> pool().submit(() -> reservations.reserve(id))).toList());
            }
            admission.admit();
            List<String> due = leases.claimDue(config.scheduler().batchSize());
            if (due.isEmpty()) {
                return;
            }
            await(due.stream().<Future<?>>map(id -> pool().submit(() -> driver.drive(id))).toList());
        } catch (TimeoutException e) {
            LOG.warn("a job step outlived its lease; it is finished by whichever replica holds the job next");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A worker's Error (out of memory, ...) arrives wrapped in an ExecutionException: rethrown, it
            // reaches platform-runtime's loop supervision, which halts the process instead of this loop
            // carrying on half broken.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Error error) {
                    throw error;
                }
            }
            LOG.errorf(e, "scheduler tick failed: %s", e.getMessage());
        }
    }

    private void await(List<Future<?>> running) throws Exception {
        for (Future<?> f : running) {
            f.get(config.scheduler().lease().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(Math.max(1, config.scheduler().workers()), r -> {
                Thread t = new Thread(r, "tuneforge-job-driver");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
