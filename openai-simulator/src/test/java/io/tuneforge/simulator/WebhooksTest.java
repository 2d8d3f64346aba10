package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.admin;
import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIException;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.webhooks.UnwrapWebhookEvent;
import com.openai.models.webhooks.WebhookVerificationParams;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fine_tuning.job.* webhooks, signed per Standard Webhooks and checked with openai-java's own verifier. */
@QuarkusTest
class WebhooksTest {

    record Received(String body, Headers headers) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void start() throws Exception {
        SimulatorHarness.reset();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Headers.Builder headers = Headers.builder();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values));
            received.add(new Received(body, headers.build()));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        admin("POST", "/webhooks", "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void succeededJobIsDeliveredSignedAndRetriedUntilAccepted() throws Exception {
        failuresLeft.set(2);
        String secret = new ObjectMapper().readTree(admin("GET", "/webhooks", null)).get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        OpenAIClient client = client();
        String file = upload(client, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 5))).id();
        String jobId = client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file).build()).id();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 3);
        Received first = received.get(0);
        Received last = received.get(2);
        assertThat(last.headers().values("webhook-id")).isEqualTo(first.headers().values("webhook-id"));

        UnwrapWebhookEvent event = client.webhooks().unwrap(WebhookVerificationParams.builder()
                .payload(last.body()).headers(last.headers()).secret(secret).build());
        assertThat(event.isFineTuningJobSucceeded()).isTrue();
        assertThat(event.asFineTuningJobSucceeded().data().id()).isEqualTo(jobId);

        assertThatThrownBy(() -> client.webhooks().unwrap(WebhookVerificationParams.builder()
                .payload(last.body().replace(jobId, "ftjob-forged")).headers(last.headers()).secret(secret).build()))
                .isInstanceOf(OpenAIException.class);
    }

    @Test
    void cancelledJobsAreAnnouncedToo() {
        OpenAIClient client = client();
        String file = upload(client, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 5))).id();
        String jobId = client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file)
                .hyperparameters(JobCreateParams.Hyperparameters.builder().nEpochs(50).build()).build()).id();
        client.fineTuning().jobs().cancel(jobId);
        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        assertThat(received.get(0).body()).contains("\"type\":\"fine_tuning.job.cancelled\"").contains(jobId);
    }
}
