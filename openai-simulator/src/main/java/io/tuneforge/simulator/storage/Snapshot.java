package io.tuneforge.simulator.storage;

import io.tuneforge.simulator.azure.Deployment;

import io.tuneforge.simulator.files.StoredFile;
import io.tuneforge.simulator.files.Upload;
import io.tuneforge.simulator.finetuning.Checkpoint;
import io.tuneforge.simulator.finetuning.JobEntry;
import io.tuneforge.simulator.finetuning.JobEvent;
import io.tuneforge.simulator.limits.RememberedResponse;
import io.tuneforge.simulator.webhooks.WebhookEndpoint;
import java.util.List;
import java.util.Map;

/** Everything the data folder keeps besides file contents. */
public record Snapshot(
        List<StoredFile> files,
        List<Upload> uploads,
        List<JobEntry> jobs,
        Map<String, List<JobEvent>> events,
        Map<String, List<Checkpoint>> checkpoints,
        List<String> deletedModels,
        List<RememberedResponse> idempotency,
        Map<String, List<Long>> jobCreations,
        String webhookSecret,
        List<WebhookEndpoint> webhookEndpoints,
        Map<String, String> fileOwners,
        Map<String, String> uploadOwners,
        List<Deployment> deployments) {}
