package io.tuneforge.cli.demo;

import io.tuneforge.cli.jobs.JobWatch;
import io.tuneforge.cli.stack.ProviderChoice;
import io.tuneforge.cli.output.LossChart;
import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceCallException;
import io.tuneforge.cli.api.ServiceClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's fine-tuning phase: a provider account pointing at the local simulator, a job on the
 * validated version, its states and losses as they happen, the registered model version, and the
 * actual cost cost-service booked against its estimate.
 */
final class TrainingPhase {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    private final PrintWriter out;

    TrainingPhase(PrintWriter out) {
        this.out = out;
    }

    private String fineTunedModel;
    private String accountId;

    /** The provider account the job ran on, once {@link #run} created it. */
    String accountId() {
        return accountId;
    }

    /** The model the job produced, once {@link #run} succeeded. */
    String fineTunedModel() {
        return fineTunedModel;
    }

    /** Trained when cost-service gave no recommendation (it is not running). */
    static final String DEFAULT_BASE_MODEL = "gpt-4.1-mini-2025-04-14";

    /** @return true when the job succeeded and its model was registered */
    boolean run(ServiceClient training, Optional<ServiceClient> cost, ProviderChoice provider, String datasetId, String baseModel) {
        JsonNode created = training.postJson("/api/v1/accounts", provider.accountRequest());
        accountId = created.path("id").asText();
        out.printf("  provider account %s: %s at %s (key stored sealed, shown as %s)%n", accountId, provider.description(),
                created.path("base_url").asText(), created.path("api_key_fingerprint").asText());

        String modelName = "support-tickets";
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("dataset_id", datasetId);
        job.put("version", 1);
        job.put("base_model", baseModel);
        job.put("method", "supervised");
        job.put("suffix", "tickets");
        job.put("account_id", accountId);
        job.put("model_name", modelName);
        JsonNode submitted = training.postJson("/api/v1/jobs", job);
        String jobId = submitted.path("id").asText();
        out.printf("  job %s submitted: %s on %s, hyperparameters auto%n", jobId, baseModel, provider.description());

        JsonNode current = new JobWatch(training, out, JobWatch.interactive(), "    ").follow(jobId, JOB_TIMEOUT);
        String lastState = current.path("state").asText();
        if (!"succeeded".equals(lastState)) {
            out.printf("  the job ended %s: %s%n", lastState.isEmpty() ? "nowhere" : lastState, current.path("failure"));
            return false;
        }
        fineTunedModel = current.path("fine_tuned_model").asText();
        out.printf("  fine-tuned model %s, %d trained tokens, %d epochs%n", fineTunedModel,
                current.path("trained_tokens").asLong(), current.path("n_epochs").asInt());
        LossChart.render(training.get("/api/v1/jobs/" + jobId + "/metrics"), 10).forEach(line -> out.println("  " + line));
        JsonNode advisories = current.path("advisories");
        if (advisories.isArray() && !advisories.isEmpty()) {
            advisories.forEach(a -> out.printf("  advisory: %s%n", a.path("message").asText(a.toString())));
        }
        JsonNode model = training.get("/api/v1/models/" + modelName);
        JsonNode versions = model.path("versions");
        JsonNode latest = versions.isArray() && !versions.isEmpty() ? versions.get(versions.size() - 1) : model;
        out.printf("  registered: model '%s' version %s, stage %s%n", modelName, latest.path("version").asText("?"),
                latest.path("stage").asText("?"));

        cost.ifPresent(c -> {
            Optional<JsonNode> booked = Await.until(Duration.ofSeconds(30), () -> {
                try {
                    return Optional.of(c.get("/api/v1/spend/jobs/" + jobId));
                } catch (ServiceCallException e) {
                    return Optional.empty();
                }
            });
            booked.ifPresentOrElse(b -> out.printf("  cost: actual %s USD for %d trained tokens; estimate %s USD (error %s%%)%n",
                            b.path("actual_usd").asText("unknown"), b.path("trained_tokens").asLong(),
                            b.path("estimated_usd").asText("unknown"), b.path("error_percent").asText("n/a")),
                    () -> out.println("  cost: cost-service has not booked the job yet (job.succeeded is asynchronous)"));
        });
        return true;
    }
}
