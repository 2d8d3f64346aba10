package io.tuneforge.training.driver;

import io.tuneforge.training.leases.JobLeases;
import io.tuneforge.training.lifecycle.JobLifecycle;
import io.tuneforge.training.lifecycle.JobStateMachine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.training.accounts.AccountConnections;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.Hyperparameters;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.domain.ProviderAccount;
import io.tuneforge.training.domain.TrainingData;
import io.tuneforge.training.monitoring.JobFailure;
import io.tuneforge.training.monitoring.JobWatcher;
import io.tuneforge.training.provider.FineTuningProvider;
import io.tuneforge.training.provider.ProviderConnection;
import io.tuneforge.training.provider.ProviderException;
import io.tuneforge.training.provider.ProviderJob;
import io.tuneforge.training.provider.ProviderJobRequest;
import io.tuneforge.training.upload.ProviderFiles;
import io.tuneforge.training.upload.SplitUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moves one claimed job forward by one step: upload its files and create it on the provider, watch
 * it there, or carry out a cancellation. Every step is safe to repeat after a crash: files are
 * reused, creation carries the job's idempotency key and, once attempted, is preceded by a lookup.
 */
@ApplicationScoped
public class JobDriver {

    private static final Logger LOG = Logger.getLogger(JobDriver.class);

    @Inject
    JobLeases leases;

    @Inject
    JobLifecycle lifecycle;

    @Inject
    FineTuningProvider provider;

    @Inject
    ProviderFiles files;

    @Inject
    AccountConnections connections;

    @Inject
    JobWatcher watcher;

    @Inject
    ObjectMapper json;

    public void drive(String jobId) {
        try {
            if (!leases.renew(jobId)) {
                return;
            }
            Optional<FineTuneJob> snapshot = leases.snapshot(jobId);
            if (snapshot.isEmpty() || snapshot.get().state.terminal() && !snapshot.get().reconcile) {
                return;
            }
            FineTuneJob job = snapshot.get();
            ProviderAccount account = QuarkusTransaction.requiringNew().call(() -> ProviderAccount.findById(job.accountId));
            ProviderConnection connection = connections.of(account);
            try {
                if (job.reconcile) {
                    watcher.poll(job, connection);
                } else if (job.cancelRequested) {
                    cancel(job, connection);
                } else if (job.state == JobState.UPLOADING) {
                    start(job, connection);
                } else if (JobState.ON_PROVIDER.contains(job.state)) {
                    watcher.poll(job, connection);
                }
            } catch (ProviderException e) {
                onProviderFailure(job, e);
            } catch (SplitUnavailableException e) {
                if (e.retryable()) {
                    leases.commit(job.id, job.state, j -> lifecycle.retryLater(j, e.getMessage()));
                } else {
                    leases.commit(job.id, job.state, j -> lifecycle.gaveUp(j, new JobFailure("data_format", e.getMessage(),
                            "The dataset version's split could not be read from dataset-service: check that the version still "
                                    + "exists and is validated.")));
                }
            }
        } catch (RuntimeException e) {
            // Unexpected (database down, bug): the job stays where it is and is retried after its lease.
            LOG.errorf(e, "job %s: step failed, will retry: %s", jobId, e.getMessage());
        } finally {
            leases.release(jobId);
        }
    }

    private void start(FineTuneJob job, ProviderConnection connection) {
        if (job.createAttempted) {
            Optional<ProviderJob> existing = provider.findJob(connection, job.id);
            if (existing.isPresent()) {
                leases.commit(job.id, JobState.UPLOADING, j -> lifecycle.started(j, existing.get()));
                return;
            }
        }
        TrainingData data = QuarkusTransaction.requiringNew().call(() -> TrainingData.findById(job.datasetVersionId));
        String trainingFile = job.trainingFileId != null ? job.trainingFileId
                : files.ensure(connection, job.tenantId, job.datasetVersionId, "train", data.trainPath);
        String validationFile = job.validationFileId != null || data.validationPath == null ? job.validationFileId
                : files.ensure(connection, job.tenantId, job.datasetVersionId, "validation", data.validationPath);
        // Recorded before the call: if we die during it, the next attempt looks the job up first.
        if (!leases.commit(job.id, JobState.UPLOADING, j -> {
            j.trainingFileId = trainingFile;
            j.validationFileId = validationFile;
            j.createAttempted = true;
        })) {
            return;
        }
        ProviderJob created = provider.createJob(connection, request(job, trainingFile, validationFile));
        leases.commit(job.id, JobState.UPLOADING, j -> lifecycle.started(j, created));
    }

    private void cancel(FineTuneJob job, ProviderConnection connection) {
        String providerJobId = job.providerJobId;
        if (providerJobId == null && job.createAttempted) {
            providerJobId = provider.findJob(connection, job.id).map(ProviderJob::id).orElse(null);
        }
        if (providerJobId != null) {
            ProviderJob current = provider.retrieve(connection, providerJobId);
            if (!JobStateMachine.ofProviderStatus(current.status()).terminal()) {
                provider.cancel(connection, providerJobId);
            }
        }
        String known = providerJobId;
        leases.commit(job.id, job.state, j -> {
            j.providerJobId = known;
            lifecycle.cancelled(j, "cancelled by the user");
        });
    }

    private void onProviderFailure(FineTuneJob job, ProviderException e) {
        switch (e.kind()) {
            case RATE_LIMITED -> {
                if (job.state == JobState.UPLOADING) {
                    LOG.infof("job %s: provider rate-limited the creation (%s); back in line", job.id, e.code());
                    leases.commit(job.id, JobState.UPLOADING, j -> lifecycle.backInLine(j, e.retryAfter()));
                } else {
                    leases.commit(job.id, job.state, j -> {
                        j.nextAttemptAt = j.nextAttemptAt.plus(e.retryAfter() != null ? e.retryAfter() : java.time.Duration.ofSeconds(5));
                    });
                }
            }
            case TRANSIENT -> leases.commit(job.id, job.state, j -> lifecycle.retryLater(j, "provider: " + e.getMessage()));
            case REJECTED -> {
                JobFailure failure = JobFailure.classify(e.code(), e.getMessage());
                // A 404 for the provider job id: it does not exist there (any more), there is nothing to reconcile.
                if (job.providerJobId != null && e.status() != 404) {
                    leases.commit(job.id, job.state, j -> lifecycle.failedWhileOnProvider(j, failure));
                } else {
                    leases.commit(job.id, job.state, j -> lifecycle.gaveUp(j, failure));
                }
            }
        }
    }

    private ProviderJobRequest request(FineTuneJob job, String trainingFile, String validationFile) {
        Hyperparameters h;
        Map<String, String> metadata;
        try {
            h = json.readValue(job.hyperparameters, Hyperparameters.class);
            metadata = new LinkedHashMap<>(json.readValue(job.metadata, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id + " has unreadable hyperparameters/metadata", e);
        }
        metadata.put("tuneforge_job_id", job.id);
        metadata.put("tuneforge_tenant", job.tenantId);
        Map<String, Object> hyper = new LinkedHashMap<>();
        put(hyper, "n_epochs", h.nEpochs());
        put(hyper, "batch_size", h.batchSize());
        put(hyper, "learning_rate_multiplier", h.learningRateMultiplier());
        if ("dpo".equals(job.method)) {
            put(hyper, "beta", h.beta());
        }
        Map<String, Object> method = Map.of("type", job.method, job.method, Map.of("hyperparameters", hyper));
        return new ProviderJobRequest(job.baseModel, trainingFile, validationFile, method, job.suffix, job.seed, metadata,
                job.idempotencyKey);
    }

    private static void put(Map<String, Object> target, String key, Object value) {
        if (value != null) {
            target.put(key, value);
        }
    }
}
