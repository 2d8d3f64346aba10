package io.tuneforge.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.cli.output.RolloutTables;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's deployment phase (gateway-service): an alias on the base model, a 10 -> 50 -> 100 rollout
 * of the fine-tuned model with short steps, support tickets sent through the OpenAI-compatible
 * /v1/chat/completions while the steps advance, and the alias serving the fine-tuned model at the end.
 */
final class RolloutPhase {

    /** Short steps so the whole phase takes seconds: each needs this long and this many candidate calls. */
    private static final double STEP_SECONDS = 2;
    private static final int STEP_REQUESTS = 5;
    /** Between two calls of one caller: the two stay under the simulator's 500 requests a minute per organization. */
    private static final long PACE_MILLIS = 300;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int CALLERS = 2;

    private final PrintWriter out;
    private String alias;

    RolloutPhase(PrintWriter out) {
        this.out = out;
    }

    /** @return true when the rollout completed and the alias serves the fine-tuned model */
    boolean run(ServiceClient gateway, String baseModel, String fineTunedModel, String accountId) {
        alias = "support-tickets-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        gateway.putJson("/api/v1/aliases/" + alias, Map.of("stable_model", baseModel, "account_id", accountId));
        out.printf("  alias %s -> %s (provider account %s); applications call model=\"%s\" on %s/v1%n", alias, baseModel, accountId,
                alias, gateway.endpoint().baseUrl());
        JsonNode rollout = gateway.postJson("/api/v1/rollouts", Map.of("alias", alias, "candidate_model", fineTunedModel,
                "steps", List.of(10, 50, 100), "min_requests", STEP_REQUESTS, "min_duration_seconds", STEP_SECONDS,
                // An absolute latency bound: with a handful of calls per step p95 is the slowest call, and a model's first
                // call may be cold, so a ratio to the warm base model would judge warm-up rather than the model.
                "guards", Map.of("max_error_rate", 0.05, "max_p95_latency_ms", 5000)));
        String id = rollout.path("id").asText();
        out.printf("  rollout %s: %s at 10%% -> 50%% -> 100%%, each step >= %.0f s and >= %d candidate calls, guards: error rate <= 5%%, "
                + "p95 <= 5 s%n", id, fineTunedModel, STEP_SECONDS, STEP_REQUESTS);

        Map<String, AtomicLong> servedBy = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<String> tickets = List.of("I was charged twice for my subscription this month.", "My parcel has not arrived after two weeks.",
                "I cannot log in since I changed my password.", "The app crashes when I open the settings page.");
        for (int c = 0; c < CALLERS; c++) {
            int caller = c;
            callers.submit(() -> {
                int n = 0;
                while (sending.get()) {
                    String ticket = tickets.get((caller + n++) % tickets.size());
                    try {
                        JsonNode answer = gateway.postJson("/v1/chat/completions", Map.of("model", alias,
                                "messages", List.of(Map.of("role", "user", "content", ticket))));
                        servedBy.computeIfAbsent(answer.path("model").asText(), m -> new AtomicLong()).incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    sleep(PACE_MILLIS);
                }
            });
        }
        long start = System.nanoTime();
        int shownStep = -1;
        String state = "active";
        try {
            while (System.nanoTime() - start < TIMEOUT.toNanos()) {
                rollout = gateway.get("/api/v1/rollouts/" + id);
                state = rollout.path("state").asText();
                int step = rollout.path("step_index").asInt();
                if (step != shownStep && "active".equals(state)) {
                    out.printf("  %5.1f s  step %d: %d%% of calls to the fine-tuned model%n", seconds(start), step + 1,
                            rollout.path("current_percent").asInt());
                    shownStep = step;
                }
                if (!"active".equals(state)) {
                    break;
                }
                sleep(500);
            }
        } finally {
            sending.set(false);
            callers.shutdown();
            awaitQuietly(callers);
        }
        out.printf("  %5.1f s  rollout %s%s%n", seconds(start), state.replace('_', ' '),
                rollout.hasNonNull("outcome_detail") ? ": " + rollout.path("outcome_detail").asText() : "");
        RolloutTables.steps(rollout).render().lines().forEach(line -> out.println("    " + line));
        out.printf("  calls through the gateway: %s%s%n", servedBy, failed.get() > 0 ? ", " + failed.get() + " failed" : "");
        JsonNode after = gateway.get("/api/v1/aliases/" + alias);
        JsonNode check = gateway.postJson("/v1/chat/completions", Map.of("model", alias,
                "messages", List.of(Map.of("role", "user", "content", tickets.get(0)))));
        out.printf("  alias %s now serves %s; a call answers \"%s\" from %s%n", alias, after.path("stable_model").asText(),
                check.path("choices").path(0).path("message").path("content").asText().trim(), check.path("model").asText());
        out.printf("  see it: ./tuneforge rollouts show %s ; ./tuneforge aliases show %s%n", id, alias);
        return "completed".equals(state) && fineTunedModel.equals(after.path("stable_model").asText());
    }

    /** The alias the phase created (null before {@link #run}). */
    String alias() {
        return alias;
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
