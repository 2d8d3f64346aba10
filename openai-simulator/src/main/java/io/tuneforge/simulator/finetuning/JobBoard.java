package io.tuneforge.simulator.finetuning;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.api.OpenAiErrorException;
import io.tuneforge.simulator.api.RequestArguments;
import io.tuneforge.simulator.files.FileCatalog;
import io.tuneforge.simulator.files.StoredFile;
import io.tuneforge.simulator.inference.BaseModel;
import io.tuneforge.simulator.inference.FineTunedModels;
import io.tuneforge.simulator.inference.ModelCatalog;
import io.tuneforge.simulator.limits.LimitPolicy;
import io.tuneforge.simulator.limits.LimitSettings;
import io.tuneforge.simulator.limits.UsageStats;
import io.tuneforge.simulator.storage.Identifiers;
import io.tuneforge.simulator.storage.SimulatorState;
import io.tuneforge.simulator.webhooks.WebhookDispatcher;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Fine-tuning jobs as the API sees them: creation with OpenAI's checks and limits, queries, and control.
 * A @Singleton because the job runner locks on this very instance (a client proxy would be another monitor).
 */
@Singleton
public class JobBoard {

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final FileCatalog files;
    private final ModelCatalog catalog;
    private final FineTunedModels fineTuned;
    private final LimitPolicy limits;
    private final JobClock clock;
    private final WebhookDispatcher webhooks;
    private final UsageStats stats;

    public JobBoard(SimulatorState state, SimulatorConfig config, FileCatalog files, ModelCatalog catalog, FineTunedModels fineTuned,
                    LimitPolicy limits, JobClock clock, WebhookDispatcher webhooks, UsageStats stats) {
        this.state = state;
        this.config = config;
        this.files = files;
        this.catalog = catalog;
        this.fineTuned = fineTuned;
        this.limits = limits;
        this.clock = clock;
        this.webhooks = webhooks;
        this.stats = stats;
    }

    public SimulatedJob create(JsonNode body, String organization) {
        if (body == null || !body.isObject()) {
            throw OpenAiErrorException.invalid("The request body must be a JSON object.", null);
        }
        RequestArguments.check(body, RequestArguments.CREATE_FINE_TUNING_JOB);
        String model = text(body, "model");
        if (model == null) {
            throw OpenAiErrorException.missing("model");
        }
        String trainingFile = text(body, "training_file");
        if (trainingFile == null) {
            throw OpenAiErrorException.missing("training_file");
        }
        if (!fineTunable(model, organization)) {
            throw OpenAiErrorException.invalid("Model " + model + " is not available for fine-tuning or does not exist.", "model",
                    "model_not_available");
        }
        checkFile(trainingFile, "training_file", organization);
        String validationFile = text(body, "validation_file");
        if (validationFile != null) {
            checkFile(validationFile, "validation_file", organization);
        }
        String suffix = text(body, "suffix");
        if (suffix != null && (suffix.length() > 64 || !suffix.matches("[A-Za-z0-9_.-]*"))) {
            throw OpenAiErrorException.invalid("Invalid 'suffix': up to 64 characters of letters, digits, '-', '_' and '.' are allowed.", "suffix");
        }
        Map<String, String> metadata = metadata(body.get("metadata"));
        String methodType = "supervised";
        JsonNode hyper = body.get("hyperparameters");
        JsonNode method = body.get("method");
        if (method != null && !method.isNull()) {
            methodType = method.path("type").asText("");
            if (methodType.equals("reinforcement")) {
                throw OpenAiErrorException.invalid("The simulator does not support method type 'reinforcement'; use 'supervised' or 'dpo'.",
                        "method.type");
            }
            if (!methodType.equals("supervised") && !methodType.equals("dpo")) {
                throw OpenAiErrorException.invalid("Invalid value for 'method.type': '" + methodType + "'. Supported values are: "
                        + "'supervised', 'dpo' and 'reinforcement'.", "method.type");
            }
            JsonNode nested = method.path(methodType).get("hyperparameters");
            if (nested != null && !nested.isNull()) {
                hyper = nested;
            }
        }
        JobHyperparameters requested = hyperparameters(hyper, methodType);
        long seed = body.hasNonNull("seed") ? body.get("seed").asLong() : new Random().nextInt(Integer.MAX_VALUE);
        List<JsonNode> integrations = new ArrayList<>();
        if (body.has("integrations") && body.get("integrations").isArray()) {
            body.get("integrations").forEach(integrations::add);
        }

        synchronized (this) {
            long activeBefore = enforceQuota(organization);
            String id = Identifiers.next("ftjob-");
            long now = Instant.now().getEpochSecond();
            SimulatedJob job = new SimulatedJob(id, "fine_tuning.job", now, null, null, null, requested, model, organization, List.of(),
                    seed, "validating_files", null, trainingFile, validationFile, List.copyOf(integrations), metadata,
                    JobMethod.of(methodType, requested), null, suffix);
            state.jobs.put(id, new JobEntry(job, JobProgress.created(clock.after(config.time().validating()), null)));
            List<Long> creations = state.jobCreations.computeIfAbsent(organization, o -> Collections.synchronizedList(new ArrayList<>()));
            long dayAgo = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
            // Only the last 24 hours count against the daily quota; older times would only grow the list.
            creations.removeIf(t -> t <= dayAgo);
            creations.add(System.currentTimeMillis());
            stats.jobCreated(organization, activeBefore + 1);
            event(id, "info", "Created fine-tuning job: " + id, null, "message");
            event(id, "info", "Validating training file: " + trainingFile
                    + (validationFile == null ? "" : " and validation file: " + validationFile), null, "message");
            state.changed();
            return job;
        }
    }

    private boolean fineTunable(String model, String organization) {
        Optional<BaseModel> base = catalog.find(model);
        if (base.isPresent()) {
            return base.get().fineTunable();
        }
        return model.startsWith("ft:") && fineTuned.exists(model, organization);
    }

    private void checkFile(String fileId, String param, String organization) {
        StoredFile file = files.find(fileId, organization).orElseThrow(() -> OpenAiErrorException.invalid("invalid " + param + ": " + fileId, param));
        if (!file.purpose().equals("fine-tune")) {
            throw OpenAiErrorException.invalid("File " + fileId + " has purpose '" + file.purpose()
                    + "'; fine-tuning requires a file uploaded with purpose 'fine-tune'.", param);
        }
    }

    /** OpenAI's two guards on creation: active jobs per organization and jobs created per day; returns the active count. */
    private long enforceQuota(String organization) {
        LimitSettings l = limits.current();
        long active;
        synchronized (state.jobs) {
            active = state.jobs.values().stream()
                    .filter(e -> e.job().organizationId().equals(organization) && e.job().active()).count();
        }
        if (active >= l.maxActiveJobs()) {
            throw new OpenAiErrorException(429, "invalid_request_error", "This fine-tuning request has been rate-limited. Your organization has "
                    + "reached the maximum of " + l.maxActiveJobs() + " active fine-tuning jobs (" + active + " active). "
                    + "Wait for a job to finish or cancel one before creating another.", null, "rate_limit_exceeded",
                    Map.of("retry-after", "10"));
        }
        List<Long> created = state.jobCreations.getOrDefault(organization, List.of());
        long since = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
        long today;
        synchronized (created) {
            today = created.stream().filter(t -> t > since).count();
        }
        if (today >= l.maxDailyJobs()) {
            throw new OpenAiErrorException(429, "invalid_request_error", "This fine-tuning request has been rate-limited. Your organization has "
                    + "reached the limit of " + l.maxDailyJobs() + " fine-tuning jobs created in the last 24 hours.", null,
                    "daily_rate_limit_exceeded", Map.of());
        }
        return active;
    }

    private static JobHyperparameters hyperparameters(JsonNode node, String methodType) {
        Object epochs = number(node, "n_epochs", 1, 50, true);
        Object batch = number(node, "batch_size", 1, 256, true);
        Object lr = number(node, "learning_rate_multiplier", 0, 10, false);
        Object beta = methodType.equals("dpo") ? number(node, "beta", 0, 2, false) : null;
        return new JobHyperparameters(batch, lr, epochs, beta);
    }

    private static Object number(JsonNode node, String name, double min, double max, boolean integer) {
        if (node == null || !node.hasNonNull(name)) {
            return "auto";
        }
        JsonNode value = node.get(name);
        if (value.isTextual() && value.asText().equals("auto")) {
            return "auto";
        }
        double v = value.asDouble();
        boolean inRange = integer ? v >= min && v <= max : v > min && v <= max;
        if (!value.isNumber() || !inRange || (integer && v != Math.floor(v))) {
            String range = integer ? "an integer from " + (int) min + " to " + (int) max : "a number above " + min + " and at most " + max;
            throw OpenAiErrorException.invalid("Invalid value for '" + name + "': " + value + ". Expected 'auto' or " + range + ".",
                    "hyperparameters." + name);
        }
        return integer ? (Object) value.asInt() : (Object) value.asDouble();
    }

    private static Map<String, String> metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.size() > 16) {
            throw OpenAiErrorException.invalid("Invalid 'metadata': expected an object of at most 16 string values.", "metadata");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().length() > 64 || !f.getValue().isTextual() || f.getValue().asText().length() > 512) {
                throw OpenAiErrorException.invalid("Invalid 'metadata." + f.getKey() + "': keys are at most 64 characters and values strings "
                        + "of at most 512 characters.", "metadata");
            }
            metadata.put(f.getKey(), f.getValue().asText());
        }
        return metadata;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    public SimulatedJob get(String id, String organization) {
        return entry(id, organization).job();
    }

    /** The organization's job; another organization's is "could not find", as OpenAI answers. */
    JobEntry entry(String id, String organization) {
        JobEntry entry = state.jobs.get(id);
        if (entry == null || !entry.job().organizationId().equals(organization)) {
            throw OpenAiErrorException.notFound("Could not find fine-tune: " + id, "fine_tune_id");
        }
        return entry;
    }

    /** Newest first, optionally only those whose metadata has every given key/value. */
    public List<SimulatedJob> list(Map<String, String> metadataFilter, String organization) {
        List<SimulatedJob> jobs = new ArrayList<>();
        synchronized (state.jobs) {
            state.jobs.values().stream().filter(e -> e.job().organizationId().equals(organization)).forEach(e -> jobs.add(e.job()));
        }
        Collections.reverse(jobs);
        if (!metadataFilter.isEmpty()) {
            jobs.removeIf(j -> j.metadata() == null || !metadataFilter.entrySet().stream()
                    .allMatch(f -> f.getValue().equals(j.metadata().get(f.getKey()))));
        }
        return jobs;
    }

    public synchronized SimulatedJob cancel(String id, String organization) {
        JobEntry entry = entry(id, organization);
        if (!entry.job().active()) {
            throw OpenAiErrorException.invalid("Job " + id + " has already " + entry.job().status() + " and cannot be cancelled.", "fine_tune_id");
        }
        SimulatedJob cancelled = entry.job().finished("cancelled", Instant.now().getEpochSecond(), null, null, List.of(), null);
        state.jobs.put(id, new JobEntry(cancelled, entry.progress()));
        event(id, "info", "Fine-tuning job cancelled", null, "message");
        state.changed();
        webhooks.publish("fine_tuning.job.cancelled", id);
        return cancelled;
    }

    public synchronized SimulatedJob pause(String id, String organization) {
        JobEntry entry = entry(id, organization);
        if (!entry.job().status().equals("running")) {
            throw OpenAiErrorException.invalid("Job " + id + " is " + entry.job().status() + "; only a running job can be paused.", "fine_tune_id");
        }
        SimulatedJob paused = entry.job().withStatus("paused").withEstimatedFinish(null);
        state.jobs.put(id, new JobEntry(paused, entry.progress()));
        event(id, "info", "Fine-tuning job paused at step " + entry.progress().stepsDone() + "/" + entry.progress().totalSteps(), null, "message");
        state.changed();
        return paused;
    }

    public synchronized SimulatedJob resume(String id, String organization) {
        JobEntry entry = entry(id, organization);
        if (!entry.job().status().equals("paused")) {
            throw OpenAiErrorException.invalid("Job " + id + " is " + entry.job().status() + "; only a paused job can be resumed.", "fine_tune_id");
        }
        JobProgress progress = entry.progress().due(clock.after(config.time().step()));
        SimulatedJob resumed = entry.job().withStatus("running")
                .withEstimatedFinish(clock.estimatedFinish(progress.totalSteps() - progress.stepsDone()));
        state.jobs.put(id, new JobEntry(resumed, progress));
        event(id, "info", "Fine-tuning job resumed at step " + progress.stepsDone() + "/" + progress.totalSteps(), null, "message");
        state.changed();
        return resumed;
    }

    public List<JobEvent> events(String id, String organization) {
        entry(id, organization);
        List<JobEvent> events = new ArrayList<>(state.events.getOrDefault(id, List.of()));
        Collections.reverse(events);
        return events;
    }

    public List<Checkpoint> checkpoints(String id, String organization) {
        entry(id, organization);
        List<Checkpoint> checkpoints = new ArrayList<>(state.checkpoints.getOrDefault(id, List.of()));
        Collections.reverse(checkpoints);
        return checkpoints;
    }

    void event(String jobId, String level, String message, Map<String, Object> data, String type) {
        state.events.computeIfAbsent(jobId, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(new JobEvent("fine_tuning.job.event", Identifiers.next("ftevent-"), Instant.now().getEpochSecond(), level, message,
                        data, type));
    }
}
