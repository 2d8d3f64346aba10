package io.tuneforge.simulator.storage;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.azure.Deployment;
import io.tuneforge.simulator.runtime.SimulatorLoops;
import java.time.Duration;
import io.tuneforge.simulator.files.StoredFile;
import io.tuneforge.simulator.files.Upload;
import io.tuneforge.simulator.finetuning.Checkpoint;
import io.tuneforge.simulator.finetuning.JobEntry;
import io.tuneforge.simulator.finetuning.JobEvent;
import io.tuneforge.simulator.limits.RememberedResponse;
import io.tuneforge.simulator.webhooks.WebhookEndpoint;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The simulated organization's state: what OpenAI would hold in its databases. Each capability reads and
 * changes its own part (a @Singleton: its public maps must not sit behind a client proxy); every change marks the state dirty and it is written to the data folder shortly after. File contents are blobs on disk ({@link DataFolder}), never in these maps.
 */
@Singleton
public class SimulatorState {

    public final Map<String, StoredFile> files = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The organization each file and upload belongs to: another organization gets 404 on them, as on OpenAI. */
    public final Map<String, String> fileOwners = new ConcurrentHashMap<>();
    public final Map<String, String> uploadOwners = new ConcurrentHashMap<>();
    public final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    public final Map<String, JobEntry> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, List<JobEvent>> events = new ConcurrentHashMap<>();
    public final Map<String, List<Checkpoint>> checkpoints = new ConcurrentHashMap<>();
    public final Set<String> deletedModels = ConcurrentHashMap.newKeySet();
    public final Map<String, RememberedResponse> idempotency = new ConcurrentHashMap<>();
    public final Map<String, List<Long>> jobCreations = new ConcurrentHashMap<>();
    /** Azure deployments by {@link io.tuneforge.simulator.azure.Deployment#key()}. */
    public final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    public final List<WebhookEndpoint> webhookEndpoints = Collections.synchronizedList(new ArrayList<>());
    public volatile String webhookSecret;

    private final DataFolder folder;
    private final SimulatorLoops loops;
    private final Duration staleAfter;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private ScheduledExecutorService writer;

    public SimulatorState(DataFolder folder, SimulatorLoops loops, SimulatorConfig config) {
        this.folder = folder;
        this.loops = loops;
        this.staleAfter = config.loopStaleAfter();
    }

    /** Loaded before anything else starts, so the job runner picks up unfinished jobs where they were. */
    void load(@Observes @Priority(1) StartupEvent start) {
        folder.readSnapshot().ifPresent(s -> {
            s.files().forEach(f -> files.put(f.id(), f));
            s.uploads().forEach(u -> uploads.put(u.id(), u));
            s.jobs().forEach(j -> jobs.put(j.job().id(), j));
            s.events().forEach((k, v) -> events.put(k, Collections.synchronizedList(new ArrayList<>(v))));
            s.checkpoints().forEach((k, v) -> checkpoints.put(k, Collections.synchronizedList(new ArrayList<>(v))));
            deletedModels.addAll(s.deletedModels());
            s.idempotency().forEach(r -> idempotency.put(r.key(), r));
            s.jobCreations().forEach((k, v) -> jobCreations.put(k, Collections.synchronizedList(new ArrayList<>(v))));
            webhookSecret = s.webhookSecret();
            webhookEndpoints.addAll(s.webhookEndpoints());
            if (s.fileOwners() != null) {
                fileOwners.putAll(s.fileOwners());
            }
            if (s.deployments() != null) {
                s.deployments().forEach(d -> deployments.put(d.key(), d));
            }
            if (s.uploadOwners() != null) {
                uploadOwners.putAll(s.uploadOwners());
            }
        });
        if (folder.enabled()) {
            writer = SimulatorLoops.executor("state-writer");
            // A failed write (disk full, folder gone) keeps the state dirty, so the next iteration tries again.
            loops.every(writer, "state-writer", Duration.ofMillis(200), staleAfter, this::flush);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        if (writer != null) {
            writer.shutdown();
        }
        flush();
    }

    public void changed() {
        dirty.set(true);
    }

    public synchronized void flush() {
        if (!folder.enabled() || !dirty.getAndSet(false)) {
            return;
        }
        try {
            write();
        } catch (RuntimeException e) {
            dirty.set(true);
            throw e;
        }
    }

    private void write() {
        Map<String, List<JobEvent>> eventCopy = new LinkedHashMap<>();
        events.forEach((k, v) -> {
            synchronized (v) {
                eventCopy.put(k, List.copyOf(v));
            }
        });
        Map<String, List<Checkpoint>> checkpointCopy = new LinkedHashMap<>();
        checkpoints.forEach((k, v) -> {
            synchronized (v) {
                checkpointCopy.put(k, List.copyOf(v));
            }
        });
        Map<String, List<Long>> creationCopy = new LinkedHashMap<>();
        jobCreations.forEach((k, v) -> {
            synchronized (v) {
                creationCopy.put(k, List.copyOf(v));
            }
        });
        List<StoredFile> fileCopy;
        synchronized (files) {
            fileCopy = List.copyOf(files.values());
        }
        List<JobEntry> jobCopy;
        synchronized (jobs) {
            jobCopy = List.copyOf(jobs.values());
        }
        List<WebhookEndpoint> endpointCopy;
        synchronized (webhookEndpoints) {
            endpointCopy = List.copyOf(webhookEndpoints);
        }
        folder.writeSnapshot(new Snapshot(fileCopy, List.copyOf(uploads.values()), jobCopy, eventCopy, checkpointCopy,
                List.copyOf(deletedModels), List.copyOf(idempotency.values()), creationCopy, webhookSecret, endpointCopy,
                Map.copyOf(fileOwners), Map.copyOf(uploadOwners), List.copyOf(deployments.values())));
    }

    /** Forget everything (admin reset), keeping the webhook secret so verifiers stay valid. */
    public void clear() {
        files.clear();
        fileOwners.clear();
        uploads.clear();
        uploadOwners.clear();
        jobs.clear();
        events.clear();
        checkpoints.clear();
        deletedModels.clear();
        idempotency.clear();
        jobCreations.clear();
        webhookEndpoints.clear();
        deployments.clear();
        folder.clearBlobs();
        changed();
    }
}
