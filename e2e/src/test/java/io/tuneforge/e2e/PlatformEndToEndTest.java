package io.tuneforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceCallException;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.SupportTickets;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as its users meet it: started by {@code tuneforge up}, driven over REST, observed on
 * Kafka. Each scenario uses its own dataset and names, so they do not depend on each other's order.
 */
class PlatformEndToEndTest {

    private static final String BASE_MODEL = "gpt-4.1-mini-2025-04-14";
    private static final Duration JOB = Duration.ofMinutes(4);

    private static E2eStack stack;
    private static ServiceClient datasets;
    private static ServiceClient training;
    private static ServiceClient eval;
    private static ServiceClient cost;
    private static ServiceClient simulator;
    private static String account;

    @BeforeAll
    static void platformUp() {
        stack = E2eStack.get();
        datasets = stack.client("dataset-service");
        training = stack.client("training-service");
        eval = stack.client("eval-service");
        cost = stack.client("cost-service");
        simulator = stack.client("openai-simulator");
        account = stack.simulatorAccount("e2e-simulator", null, Map.of("max_active_jobs", 4));
    }

    @Test
    void aDatasetBecomesAnEvaluatedRegisteredModelWhoseCostMatchesTheEstimate() {
        String dataset = createDataset("tickets-happy");
        JsonNode version = upload(dataset, SupportTickets.jsonl(120, 7, false));
        assertThat(version.path("status").asText()).isEqualTo("validated");
        assertThat(TopicProbe.awaitRecord(Topics.DATASET_VALIDATED, Duration.ofSeconds(30), r -> r.value().contains(dataset)))
                .as("dataset.validated on Kafka").isPresent();
        JsonNode estimate = await().atMost(Duration.ofSeconds(60)).until(
                () -> cost.get("/api/v1/estimates/training?dataset_id=" + dataset), e -> e.isArray() && e.size() == 1).get(0);

        String job = submitJob(dataset, 1, "tickets-happy-" + dataset);
        ConsumerRecord<String, String> succeeded = TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, JOB, r -> job.equals(r.key()))
                .orElseThrow(() -> new AssertionError("no job.succeeded for " + job + "; job: " + training.get("/api/v1/jobs/" + job)));
        JsonNode finished = training.get("/api/v1/jobs/" + job);
        assertThat(finished.path("state").asText()).isEqualTo("succeeded");
        String fineTuned = finished.path("fine_tuned_model").asText();
        assertThat(succeeded.value()).contains(fineTuned);
        assertThat(finished.path("trained_tokens").asLong()).isEqualTo(estimate.path("trained_tokens").asLong());

        JsonNode model = training.get("/api/v1/models/tickets-happy-" + dataset);
        assertThat(model.path("versions")).hasSize(1);
        assertThat(model.path("versions").get(0).path("fine_tuned_model").asText()).isEqualTo(fineTuned);

        // cost-service books job.succeeded at the price in force: equal to its estimate, to the cent.
        JsonNode booked = await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(ServiceCallException.class)
                .until(() -> cost.get("/api/v1/spend/jobs/" + job), b -> b.hasNonNull("actual_usd"));
        BigDecimal estimated = new BigDecimal(candidate(estimate, "gpt-4.1-mini").path("training_cost_usd").asText());
        assertThat(estimated).isPositive();
        assertThat(new BigDecimal(booked.path("actual_usd").asText()).setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo(estimated.setScale(2, RoundingMode.HALF_UP));

        JsonNode run = eval.postJson("/api/v1/evals", Map.of("dataset_id", dataset, "dataset_version", 1,
                "models", List.of(Map.of("role", "candidate", "model", fineTuned), Map.of("role", "baseline", "model", BASE_MODEL)),
                "task", Map.of("kind", "classification", "format", "none"),
                "provider_account", account));
        String evalId = run.path("id").asText();
        ConsumerRecord<String, String> completed = TopicProbe.awaitRecord(Topics.EVAL_COMPLETED, Duration.ofMinutes(3),
                r -> evalId.equals(r.key())).orElseThrow(() -> new AssertionError("no eval.completed for " + evalId));
        assertThat(completed.value()).contains("\"decision\":\"promote\"");
        JsonNode report = eval.get("/api/v1/evals/" + evalId + "/report");
        assertThat(report.toString()).contains(fineTuned).contains(BASE_MODEL);
    }

    @Test
    void aDatasetWithBrokenLinesIsRejectedWithTheirLineNumbers() {
        String dataset = createDataset("tickets-broken");
        String good = SupportTickets.jsonl(60, 11, false);
        String[] lines = good.split("\n");
        lines[9] = "{\"messages\": [{\"role\": \"user\", \"content\": \"where is my parcel\"}";   // line 10: truncated JSON
        lines[29] = "{\"messages\": [{\"role\": \"captain\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"billing\"}]}";
        JsonNode version = upload(dataset, String.join("\n", lines) + "\n");
        assertThat(version.path("status").asText()).isEqualTo("rejected");
        assertThat(version.path("findings").toString()).contains("\"line\":10").contains("\"line\":30");
        ConsumerRecord<String, String> rejected = TopicProbe.awaitRecord(Topics.DATASET_REJECTED, Duration.ofSeconds(30),
                r -> r.value().contains(dataset)).orElseThrow(() -> new AssertionError("no dataset.rejected for " + dataset));
        assertThat(rejected.value()).contains("\"line\":10").contains("\"line\":30");
        // A rejected version cannot be trained on: the API says why instead of queueing a doomed job.
        try {
            submitJobNow(dataset, 1, "never");
            throw new AssertionError("a job on a rejected version was accepted");
        } catch (ServiceCallException e) {
            assertThat(e.status()).isBetween(400, 499);
        }
    }

    @Test
    void aJobTheProviderFailsEndsFailedWithAClassifiedReasonAndAdvice() {
        String dataset = createDataset("tickets-fail");
        upload(dataset, SupportTickets.jsonl(60, 13, false));
        simulator.putJson("/admin/faults", Map.of("job_failure_rate", 1.0));
        try {
            String job = submitJob(dataset, 1, "tickets-fail-" + dataset);
            ConsumerRecord<String, String> failed = TopicProbe.awaitRecord(Topics.JOB_FAILED, JOB, r -> job.equals(r.key()))
                    .orElseThrow(() -> new AssertionError("no job.failed for " + job + "; job: " + training.get("/api/v1/jobs/" + job)));
            JsonNode view = training.get("/api/v1/jobs/" + job);
            assertThat(view.path("state").asText()).isEqualTo("failed");
            assertThat(view.path("failure").path("kind").asText()).isNotBlank();
            assertThat(view.path("failure").path("advice").asText()).isNotBlank();
            assertThat(failed.value()).contains("\"failure_kind\":\"" + view.path("failure").path("kind").asText() + "\"");
            assertThat(TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, Duration.ofSeconds(2), r -> job.equals(r.key()))).isEmpty();
        } finally {
            simulator.delete("/admin/faults");
        }
    }

    @Test
    void aJobOverBudgetWaitsAndRunsOnceTheLimitIsRaised() {
        String dataset = createDataset("tickets-budget");
        upload(dataset, SupportTickets.jsonl(80, 17, false));
        cost.putJson("/api/v1/budgets/monthly", Map.of("monthly_limit_usd", "0.01", "hard_stop", true));
        try {
            String job = submitJob(dataset, 1, "tickets-budget-" + dataset);
            await().atMost(Duration.ofSeconds(60)).until(() -> training.get("/api/v1/jobs/" + job).path("state").asText(),
                    "waiting_for_budget"::equals);
            // Held, not dropped: still waiting a while later, and the provider never saw it.
            JsonNode held = training.get("/api/v1/jobs/" + job);
            assertThat(held.path("provider_job_id").isNull() || held.path("provider_job_id").isMissingNode()).isTrue();

            cost.putJson("/api/v1/budgets/monthly", Map.of("monthly_limit_usd", "100000.00", "hard_stop", true));
            assertThat(TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, JOB, r -> job.equals(r.key())))
                    .as("the held job ran after the limit was raised").isPresent();
        } finally {
            cost.putJson("/api/v1/budgets/monthly", Map.of("monthly_limit_usd", "100000.00", "hard_stop", false));
        }
    }

    @Test
    void aNewDatasetVersionRetrainsThePipelineIntoTheNextModelVersion() {
        String dataset = createDataset("tickets-pipeline");
        upload(dataset, SupportTickets.jsonl(60, 19, false));
        String name = "tickets-auto-" + dataset;
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("name", name);
        pipeline.put("dataset_id", dataset);
        pipeline.put("base_model", BASE_MODEL);
        pipeline.put("account_id", account);
        pipeline.put("model_name", name);
        pipeline.put("hyperparameters", Map.of("n_epochs", 1));
        pipeline.put("auto_train", true);
        pipeline.put("debounce", "PT1S");
        pipeline.put("min_interval", "PT0S");
        training.postJson("/api/v1/pipelines", pipeline);

        // A new version arrives; nobody touches training-service.
        upload(dataset, SupportTickets.jsonl(70, 23, false));
        ConsumerRecord<String, String> requested = TopicProbe.awaitRecord(Topics.RETRAINING_REQUESTED, Duration.ofSeconds(90),
                r -> r.value().contains(dataset)).orElseThrow(() -> new AssertionError("no retraining.requested for " + dataset));
        assertThat(requested.value()).contains("dataset.validated");
        String job = await().atMost(Duration.ofSeconds(60)).until(() -> firstRunJob(name), Optional::isPresent).get();
        assertThat(TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, JOB, r -> job.equals(r.key()))).isPresent();
        JsonNode model = training.get("/api/v1/models/" + name);
        assertThat(model.path("versions")).hasSize(1);
        assertThat(model.path("versions").get(0).path("job_id").asText()).isEqualTo(job);
        assertThat(model.path("versions").get(0).path("dataset_version_id").asText()).isNotBlank();
    }

    private static Optional<String> firstRunJob(String pipeline) {
        JsonNode runs = training.get("/api/v1/pipelines/" + pipeline + "/runs");
        JsonNode list = runs.has("data") ? runs.path("data") : runs;
        return list.isArray() && !list.isEmpty() && list.get(0).hasNonNull("job_id")
                ? Optional.of(list.get(0).path("job_id").asText()) : Optional.empty();
    }

    private static String createDataset(String prefix) {
        return datasets.postJson("/api/v1/datasets", Map.of("name", prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                "method", "supervised")).path("id").asText();
    }

    private static JsonNode upload(String dataset, String jsonl) {
        return datasets.postJsonl("/api/v1/datasets/" + dataset + "/versions", jsonl);
    }

    /** Submits a job once training-service has seen the version validated (dataset.validated is asynchronous). */
    private static String submitJob(String dataset, int version, String modelName) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode known : training.get("/api/v1/training-data?dataset_id=" + dataset)) {
                if (known.path("version").asInt() == version) {
                    return true;
                }
            }
            return false;
        });
        return submitJobNow(dataset, version, modelName);
    }

    private static String submitJobNow(String dataset, int version, String modelName) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("dataset_id", dataset);
        job.put("version", version);
        job.put("base_model", BASE_MODEL);
        job.put("method", "supervised");
        job.put("account_id", account);
        job.put("model_name", modelName);
        job.put("suffix", "e2e");
        return training.postJson("/api/v1/jobs", job).path("id").asText();
    }

    private static JsonNode candidate(JsonNode estimate, String model) {
        for (JsonNode c : estimate.path("candidates")) {
            if (model.equals(c.path("model").asText())) {
                return c;
            }
        }
        throw new AssertionError("no " + model + " in the estimate " + estimate);
    }
}
