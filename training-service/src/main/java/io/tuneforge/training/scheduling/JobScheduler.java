package io.tuneforge.training.scheduling;

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

    private ExecutorService pool;

    @Scheduled(every = "${tuneforge.training.scheduler.interval:1s}", delayed = "${tuneforge.training.scheduler.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            admission.admit();
            List<String> due = leases.claimDue(config.scheduler().batchSize());
            if (due.isEmpty()) {
                return;
            }
            List<Future<?>> running = due.stream().<Future<?>>map(id -> pool().submit(() -> driver.drive(id))).toList();
            for (Future<?> f : running) {
                f.get(config.scheduler().lease().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            LOG.warn("a job step outlived its lease; it is finished by whichever replica holds the job next");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.errorf(e, "scheduler tick failed: %s", e.getMessage());
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
