package io.tuneforge.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's evaluation phase: the held-out test split through the base and the fine-tuned model,
 * the report's metric table and gates, and the promotion decision.
 */
final class EvaluationPhase {

    private static final Duration EVAL_TIMEOUT = Duration.ofMinutes(3);
    private static final Set<String> FINAL_STATES = Set.of("completed", "failed");

    private final PrintWriter out;
    private String decision;

    EvaluationPhase(PrintWriter out) {
        this.out = out;
    }

    /** The gates' decision ({@code promote} or {@code reject}) once {@link #run} completed, else null. */
    String decision() {
        return decision;
    }

    /** @return true when the evaluation completed (whatever its decision) */
    boolean run(ServiceClient eval, String datasetId, String baseModel, String fineTunedModel, String accountId) {
        JsonNode created = eval.postJson("/api/v1/evals", Map.of(
                "dataset_id", datasetId,
                "dataset_version", 1,
                "models", List.of(Map.of("role", "candidate", "model", fineTunedModel),
                        Map.of("role", "baseline", "model", baseModel)),
                "task", Map.of("kind", "classification", "format", "none"),
                // A model-graded score and an order-swapped pairwise preference on top of the exact metrics.
                "judge", Map.of("model", baseModel, "pairwise", true),
                "provider_account", accountId));
        String id = created.path("id").asText();
        out.printf("  eval %s: the held-out test split through %s and %s%n", id, baseModel, fineTunedModel);
        long start = System.nanoTime();
        JsonNode run = created;
        while (System.nanoTime() - start < EVAL_TIMEOUT.toNanos() && !FINAL_STATES.contains(run.path("state").asText())) {
            sleep(1000);
            run = eval.get("/api/v1/evals/" + id);
        }
        String state = run.path("state").asText();
        if (!"completed".equals(state)) {
            out.printf("  the evaluation ended %s: %s%n", state, run.path("failure").asText(""));
            return false;
        }
        out.printf("  completed in %.1f s on %d examples; the report (GET /api/v1/evals/%s/report?format=markdown):%n",
                (System.nanoTime() - start) / 1e9, run.path("examples").asInt(), id);
        String markdown = eval.getText("/api/v1/evals/" + id + "/report?format=markdown", "text/markdown");
        markdown.lines().limit(60).forEach(line -> out.println("    " + line));
        decision = run.path("decision").asText();
        out.printf("  decision: %s%n", decision);
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
