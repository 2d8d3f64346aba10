package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.admin;
import static io.tuneforge.simulator.SimulatorHarness.root;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /admin/stats (what each organization did to the job quotas) and webhook endpoints scoped to one organization. */
@QuarkusTest
class UsageStatsAndEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    @Test
    void statsCountCreatedJobsPeakActiveJobsAndIdempotentReplaysPerOrganization() throws Exception {
        OpenAIClient alpha = client("org-alpha");
        String file = upload(alpha, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3))).id();
        JobCreateParams slow = JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file)
                .hyperparameters(JobCreateParams.Hyperparameters.builder().nEpochs(50).build()).build();
        String first = alpha.fineTuning().jobs().create(slow.toBuilder().putAdditionalHeader("Idempotency-Key", "k-1").build()).id();
        alpha.fineTuning().jobs().create(slow.toBuilder().putAdditionalHeader("Idempotency-Key", "k-1").build());
        String second = alpha.fineTuning().jobs().create(slow).id();
        alpha.fineTuning().jobs().cancel(first);
        alpha.fineTuning().jobs().cancel(second);
        alpha.fineTuning().jobs().cancel(alpha.fineTuning().jobs().create(slow).id());
        OpenAIClient beta = client("org-beta");
        // Files belong to one organization: beta trains on its own upload.
        String betaFile = upload(beta, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3))).id();
        beta.fineTuning().jobs().cancel(beta.fineTuning().jobs().create(slow.toBuilder().trainingFile(betaFile).build()).id());

        JsonNode organizations = JSON.readTree(admin("GET", "/stats", null)).get("organizations");
        assertThat(organizations.get("org-alpha").get("jobs_created").asLong()).isEqualTo(3);
        assertThat(organizations.get("org-alpha").get("peak_active_jobs").asLong()).isEqualTo(2);
        assertThat(organizations.get("org-alpha").get("creation_replays").asLong()).isEqualTo(1);
        assertThat(organizations.get("org-beta").get("jobs_created").asLong()).isEqualTo(1);
        assertThat(organizations.get("org-beta").get("peak_active_jobs").asLong()).isEqualTo(1);

        SimulatorHarness.reset();
        assertThat(JSON.readTree(admin("GET", "/stats", null)).get("organizations").size()).isZero();
    }

    @Test
    void anEndpointOfOneOrganizationHearsOnlyItsJobsAndCanBeRemoved() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            String endpoint = JSON.readTree(admin("POST", "/webhooks", "{\"url\": \"" + url + "\", \"organization\": \"org-alpha\"}"))
                    .get("id").asText();
            OpenAIClient alpha = client("org-alpha");
            OpenAIClient beta = client("org-beta");
            String file = upload(alpha, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3))).id();
            JobCreateParams slow = JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file)
                    .hyperparameters(JobCreateParams.Hyperparameters.builder().nEpochs(50).build()).build();
            String betaFile = upload(beta, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3))).id();
            String betaJob = beta.fineTuning().jobs().create(slow.toBuilder().trainingFile(betaFile).build()).id();
            beta.fineTuning().jobs().cancel(betaJob);
            String alphaJob = alpha.fineTuning().jobs().create(slow).id();
            alpha.fineTuning().jobs().cancel(alphaJob);

            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).contains(alphaJob).doesNotContain(betaJob);

            admin("DELETE", "/webhooks/" + endpoint, null);
            assertThat(JSON.readTree(admin("GET", "/webhooks", null)).get("endpoints").size()).isZero();
            assertThatThrownBy(() -> admin("DELETE", "/webhooks/" + endpoint, null)).hasMessageContaining("404");
        } finally {
            receiver.stop(0);
        }
    }

    private static OpenAIClient client(String organization) {
        return OpenAIOkHttpClient.builder().baseUrl(root() + "/v1").apiKey("sk-test").organization(organization).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }
}
