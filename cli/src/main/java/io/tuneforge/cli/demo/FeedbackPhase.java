package io.tuneforge.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The demo's iteration phase: the alias of phase 9 starts capturing its exchanges, support agents
 * correct a dozen of its answers through the feedback API, and dataset-service turns the corrections
 * into preference (DPO) pairs and a validated version of a new dpo dataset by itself, ready for a
 * pipeline to retrain on.
 */
final class FeedbackPhase {

    /** Pairs that make a version: above OpenAI's minimum of 10 examples per file. */
    static final int CORRECTIONS = 12;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** The change the agents ask for: the category and the queue that takes it. */
    private static final Map<String, String> QUEUES = Map.of("billing", "payments", "technical_issue", "engineering",
            "account_access", "identity", "shipping", "logistics", "feature_request", "product");

    private final PrintWriter out;

    FeedbackPhase(PrintWriter out) {
        this.out = out;
    }

    /** @return true when the corrections became a validated version of the feedback dataset */
    boolean run(ServiceClient gateway, ServiceClient datasets, String alias, String accountId, List<String> sampleLines) {
        JsonNode current = gateway.get("/api/v1/aliases/" + alias);
        gateway.putJson("/api/v1/aliases/" + alias, Map.of("stable_model", current.path("stable_model").asText(),
                "account_id", accountId, "capture", Map.of("enabled", true, "retention_days", 30)));
        String name = "support-feedback-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        String dataset = datasets.postJson("/api/v1/datasets", Map.of("name", name, "method", "dpo")).path("id").asText();
        datasets.putJson("/api/v1/datasets/" + dataset + "/feedback-source", Map.of("alias", alias, "min_new_pairs", CORRECTIONS));
        out.printf("  alias %s now captures its exchanges (kept 30 days); dpo dataset %s (%s) takes its feedback, a version every %d pairs%n",
                alias, dataset, name, CORRECTIONS);

        JsonNode example = null;
        for (int i = 0; i < CORRECTIONS; i++) {
            // Every seventh ticket of the sample: all five categories, not the first few in a row.
            JsonNode messages = readTree(sampleLines.get(i * 7 % sampleLines.size())).path("messages");
            String ticket = messages.get(1).path("content").asText();
            String label = messages.get(2).path("content").asText();
            JsonNode answer = gateway.postJson("/v1/chat/completions", Map.of("model", alias, "user", "agent-" + (i % 3),
                    "messages", List.of(Map.of("role", "system", "content", SupportTicketSample.SYSTEM_PROMPT),
                            Map.of("role", "user", "content", ticket))));
            String served = answer.path("choices").path(0).path("message").path("content").asText().trim();
            String corrected = label + " (queue: " + QUEUES.getOrDefault(label, "triage") + ")";
            gateway.postJson("/api/v1/feedback", Map.of("completion_id", answer.path("id").asText(), "rating", "down",
                    "corrected_output", corrected));
            if (example == null) {
                example = ServiceClient.JSON.createObjectNode().put("ticket", ticket).put("served", served).put("corrected", corrected);
            }
        }
        out.printf("  %d answers corrected by agents, e.g. \"%s\" -> served \"%s\", corrected to \"%s\"%n", CORRECTIONS,
                abbreviate(example.path("ticket").asText()), example.path("served").asText(), example.path("corrected").asText());

        long start = System.nanoTime();
        JsonNode version = null;
        while (System.nanoTime() - start < TIMEOUT.toNanos()) {
            JsonNode versions = datasets.get("/api/v1/datasets/" + dataset + "/versions");
            if (!versions.isEmpty()) {
                version = versions.get(versions.size() - 1);
                break;
            }
            sleep(500);
        }
        JsonNode source = datasets.get("/api/v1/datasets/" + dataset + "/feedback-source");
        if (version == null) {
            out.printf("  no version after %d s; the feedback source says: %s%n", TIMEOUT.toSeconds(), source.path("counts"));
            return false;
        }
        JsonNode feedback = version.path("lineage").path("feedback");
        out.printf("  %5.1f s  version %d of %s: %s, %d preference pairs (%s), PII %s, built %s%n", (System.nanoTime() - start) / 1e9,
                version.path("version").asInt(), dataset, version.path("status").asText().toUpperCase(),
                version.path("example_count").asLong(), feedback.path("by_rule"),
                feedback.path("redacted_pii").asBoolean() ? "redacted" : "kept", feedback.path("trigger").asText());
        out.printf("  a pipeline with method dpo on %s retrains on every such version; see it: ./tuneforge datasets feedback show %s%n",
                dataset, dataset);
        return "validated".equals(version.path("status").asText());
    }

    private static JsonNode readTree(String line) {
        try {
            return ServiceClient.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the demo's own sample line is not JSON: " + line, e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 48 ? text : text.substring(0, 45) + "...";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
