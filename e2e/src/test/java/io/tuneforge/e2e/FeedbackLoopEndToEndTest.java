package io.tuneforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.SupportTickets;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phase 6 closing the loop on the whole platform: users correct the answers an alias serves, the alias
 * captures the exchanges, dataset-service turns the corrections into preference pairs and a new version
 * of the pipeline's DPO dataset, and training-service retrains the pipeline on it, with nobody exporting
 * or uploading anything.
 */
class FeedbackLoopEndToEndTest {

    private static final String BASE_MODEL = "gpt-4o-mini";
    private static final int CORRECTIONS = 6;

    private static ServiceClient datasets;
    private static ServiceClient training;
    private static ServiceClient gateway;
    private static String account;

    @BeforeAll
    static void platformUp() {
        E2eStack stack = E2eStack.get();
        datasets = stack.client("dataset-service");
        training = stack.client("training-service");
        gateway = stack.client("gateway-service");
        account = stack.simulatorAccount("e2e-feedback", "org-e2e-feedback", Map.of());
    }

    @Test
    void correctionsOfAnAliasesAnswersBecomeAPreferenceVersionThatRetrainsItsPipeline() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String dataset = datasets.postJson("/api/v1/datasets", Map.of("name", "feedback-" + suffix, "method", "dpo"))
                .path("id").asText();
        JsonNode first = datasets.postJsonl("/api/v1/datasets/" + dataset + "/versions", SupportTickets.preferenceJsonl(60, 41));
        assertThat(first.path("status").asText()).isEqualTo("validated");

        String name = "support-dpo-" + suffix;
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("name", name);
        pipeline.put("dataset_id", dataset);
        pipeline.put("base_model", BASE_MODEL);
        pipeline.put("method", "dpo");
        pipeline.put("account_id", account);
        pipeline.put("model_name", name);
        pipeline.put("hyperparameters", Map.of("n_epochs", 1));
        pipeline.put("auto_train", true);
        pipeline.put("debounce", "PT1S");
        pipeline.put("min_interval", "PT0S");
        training.postJson("/api/v1/pipelines", pipeline);

        String alias = "support-" + suffix;
        gateway.putJson("/api/v1/aliases/" + alias, Map.of("stable_model", BASE_MODEL, "account_id", account,
                "capture", Map.of("enabled", true, "retention_days", 7)));
        datasets.putJson("/api/v1/datasets/" + dataset + "/feedback-source", Map.of("alias", alias, "min_new_pairs", CORRECTIONS));

        // Users ask, the base model answers, and each answer is corrected to the ticket's real category.
        Random random = new Random(43);
        for (int i = 0; i < CORRECTIONS; i++) {
            String label = SupportTickets.LABELS.get(i % SupportTickets.LABELS.size());
            JsonNode answer = gateway.postJson("/v1/chat/completions", Map.of("model", alias, "user", "customer-" + i,
                    "messages", List.of(Map.of("role", "system", "content", SupportTickets.SYSTEM),
                            Map.of("role", "user", "content", SupportTickets.ticket(label, random)))));
            String served = answer.path("choices").get(0).path("message").path("content").asText();
            String correction = served.equals(label) ? label + " (confirmed by an agent)" : label;
            gateway.postJson("/api/v1/feedback", Map.of("completion_id", answer.path("id").asText(), "rating", "down",
                    "corrected_output", correction));
        }

        // A second version appears on its own: the first one's pairs plus one per correction, validated.
        JsonNode second = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> version(dataset, 2), Optional::isPresent).get();
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("validated");
        assertThat(second.path("lineage").path("mode").asText()).isEqualTo("feedback");
        assertThat(second.path("example_count").asInt()).as("examples of version 2: %s", second).isEqualTo(60 + CORRECTIONS);

        // The pipeline retrains on it with DPO, and the model gets a version trained on the feedback.
        String feedbackVersion = second.path("id").asText();
        ConsumerRecord<String, String> requested = TopicProbe.awaitRecord(Topics.RETRAINING_REQUESTED, Duration.ofSeconds(90),
                r -> r.value().contains(feedbackVersion)).orElseThrow(() -> new AssertionError("no retraining.requested for "
                        + feedbackVersion));
        assertThat(requested.value()).contains("dataset.validated");
        String job = await().atMost(Duration.ofSeconds(60)).until(() -> runJob(name, feedbackVersion), Optional::isPresent).get();
        assertThat(TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, Duration.ofMinutes(4), r -> job.equals(r.key())))
                .as("the retraining job %s succeeded", job).isPresent();
        assertThat(training.get("/api/v1/jobs/" + job).path("method").asText()).isEqualTo("dpo");
        assertThat(training.get("/api/v1/models/" + name).path("versions").findValuesAsText("dataset_version_id"))
                .contains(feedbackVersion);
    }

    private static Optional<JsonNode> version(String dataset, int number) {
        for (JsonNode v : datasets.get("/api/v1/datasets/" + dataset + "/versions")) {
            if (v.path("version").asInt() == number) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The job of the pipeline's run on {@code datasetVersionId}, once it has one. */
    private static Optional<String> runJob(String pipeline, String datasetVersionId) {
        JsonNode runs = training.get("/api/v1/pipelines/" + pipeline + "/runs");
        for (JsonNode run : runs.has("data") ? runs.path("data") : runs) {
            if (datasetVersionId.equals(run.path("dataset_version_id").asText()) && run.hasNonNull("job_id")) {
                return Optional.of(run.path("job_id").asText());
            }
        }
        return Optional.empty();
    }
}
