package io.tuneforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceCallException;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phase 5 on the whole platform: an alias on a provider account registered in training-service, traffic
 * through gateway-service's OpenAI-compatible endpoint, a candidate the simulator makes fail rolled back
 * by the error guard, then a healthy one rolled out 10 -> 50 -> 100 until the alias serves it.
 */
class GatewayRolloutEndToEndTest {

    private static final String STABLE = "gpt-4o-mini";

    private static ServiceClient gateway;
    private static ServiceClient simulator;
    private static String account;

    @BeforeAll
    static void platformUp() {
        E2eStack stack = E2eStack.get();
        gateway = stack.client("gateway-service");
        simulator = stack.client("openai-simulator");
        account = stack.simulatorAccount("e2e-gateway", "org-e2e-gateway", Map.of());
    }

    @Test
    void aFaultyCandidateIsRolledBackAndAHealthyOneTakesOverTheAlias() {
        String alias = "e2e-support-" + UUID.randomUUID().toString().substring(0, 6);
        gateway.putJson("/api/v1/aliases/" + alias, Map.of("stable_model", STABLE, "account_id", account));
        JsonNode first = chat(alias);
        assertThat(first.path("model").asText()).startsWith(STABLE);

        simulator.putJson("/admin/faults", Map.of("models", Map.of("gpt-4.1-nano", Map.of("error_rate", 0.4))));
        try (Traffic traffic = new Traffic(alias)) {
            String faulty = gateway.postJson("/api/v1/rollouts", Map.of("alias", alias, "candidate_model", "gpt-4.1-nano",
                    "min_requests", 10, "min_duration_seconds", 60, "guards", Map.of("max_error_rate", 0.05))).path("id").asText();
            JsonNode rolledBack = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> gateway.get("/api/v1/rollouts/" + faulty), r -> !"active".equals(r.path("state").asText()));
            assertThat(rolledBack.path("state").asText()).isEqualTo("rolled_back");
            assertThat(rolledBack.path("outcome_reason").asText()).isEqualTo("error_rate");
            assertThat(rolledBack.path("step_index").asInt()).isZero();
            ConsumerRecord<String, String> event = TopicProbe.awaitRecord(Topics.ROLLOUT_ROLLED_BACK, Duration.ofSeconds(30),
                    r -> faulty.equals(r.key())).orElseThrow(() -> new AssertionError("no rollout.rolled_back for " + faulty));
            assertThat(event.value()).contains("\"reason\":\"error_rate\"");

            String healthy = gateway.postJson("/api/v1/rollouts", Map.of("alias", alias, "candidate_model", "gpt-4.1",
                    "steps", List.of(10, 50, 100), "min_requests", 5, "min_duration_seconds", 1)).path("id").asText();
            JsonNode done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> gateway.get("/api/v1/rollouts/" + healthy), r -> !"active".equals(r.path("state").asText()));
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
            for (JsonNode step : done.path("step_stats")) {
                assertThat(step.path("candidate").path("requests").asLong()).isGreaterThanOrEqualTo(5);
                assertThat(step.path("candidate").path("errors").asLong()).isZero();
            }
            assertThat(TopicProbe.awaitRecord(Topics.ROLLOUT_ADVANCED, Duration.ofSeconds(30),
                    r -> healthy.equals(r.key()) && r.value().contains("\"completed\":true"))).isPresent();
        } finally {
            simulator.putJson("/admin/faults", Map.of("models", Map.of()));
        }
        assertThat(gateway.get("/api/v1/aliases/" + alias).path("stable_model").asText()).isEqualTo("gpt-4.1");
        assertThat(chat(alias).path("model").asText()).startsWith("gpt-4.1");
        assertThat(gateway.get("/api/v1/aliases/" + alias + "/history").path("data").get(1).path("cause").asText())
                .isEqualTo("rollout_completed");
    }

    private static JsonNode chat(String alias) {
        return gateway.postJson("/v1/chat/completions", Map.of("model", alias,
                "messages", List.of(Map.of("role", "user", "content", "I was charged twice this month."))));
    }

    /**
     * Two callers on the alias until closed, paced to stay under the simulator's 500 requests a minute; failed
     * calls (the faulty candidate's 500s) are expected and counted.
     */
    private static final class Traffic implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong failures = new AtomicLong();
        private final ExecutorService pool = Executors.newFixedThreadPool(2);

        Traffic(String alias) {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> {
                    while (running.get()) {
                        try {
                            chat(alias);
                        } catch (ServiceCallException e) {
                            failures.incrementAndGet();
                        }
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
        }

        @Override
        public void close() {
            running.set(false);
            pool.shutdown();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
