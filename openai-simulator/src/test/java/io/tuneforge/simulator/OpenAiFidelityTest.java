package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.awaitFinished;
import static io.tuneforge.simulator.SimulatorHarness.root;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the simulator must answer exactly as OpenAI does: organizations, logprobs, stream usage, absent fields, unknown arguments, request ids. */
@QuarkusTest
class OpenAiFidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    private static OpenAIClient as(String organization) {
        return OpenAIOkHttpClient.builder().baseUrl(root() + "/v1").apiKey("sk-test").organization(organization).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static HttpResponse<String> http(String method, String path, String organization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path)).header("Authorization", "Bearer sk-test")
                .header("content-type", "application/json");
        if (organization != null) {
            request.header("OpenAI-Organization", organization);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anotherOrganizationSeesNoneOfAnOrganizationsFilesJobsAndModels() {
        OpenAIClient acme = as("org-acme");
        OpenAIClient globex = as("org-globex");
        FileObject file = upload(acme, "tickets.jsonl", TicketData.jsonl(TicketData.generate(20, 3)));
        FineTuningJob job = acme.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file.id()).seed(1L)
                .build());
        FineTuningJob done = awaitFinished(acme, job.id());
        String model = done.fineTunedModel().orElseThrow();
        String prompt = TicketData.generate(1, 99).get(0).text();

        assertThat(acme.chat().completions().create(chat(model, prompt)).choices()).isNotEmpty();
        assertThatThrownBy(() -> globex.files().retrieve(file.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.files().content(file.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.files().delete(file.id())).isInstanceOf(NotFoundException.class);
        assertThat(globex.files().list().data()).isEmpty();
        assertThatThrownBy(() -> globex.fineTuning().jobs().retrieve(job.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.fineTuning().jobs().cancel(job.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.fineTuning().jobs().listEvents(job.id())).isInstanceOf(NotFoundException.class);
        assertThat(globex.fineTuning().jobs().list().data()).isEmpty();
        assertThatThrownBy(() -> globex.models().retrieve(model)).isInstanceOf(NotFoundException.class);
        assertThat(globex.models().list().data()).noneMatch(m -> m.id().equals(model));
        assertThatThrownBy(() -> globex.chat().completions().create(chat(model, prompt)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).contains("model_not_found"));
        assertThatThrownBy(() -> globex.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file.id())
                .build())).isInstanceOf(BadRequestException.class).hasMessageContaining("invalid training_file");

        assertThat(acme.files().retrieve(file.id()).id()).isEqualTo(file.id());
        assertThat(acme.models().retrieve(model).id()).isEqualTo(model);
        assertThat(acme.fineTuning().jobs().list().data()).extracting(FineTuningJob::id).containsExactly(job.id());
    }

    @Test
    void logprobsAndTopLogprobsAreAnswered() {
        ChatCompletion completion = as("org-acme").chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("hello there").logprobs(true).topLogprobs(3L).build());
        var content = completion.choices().get(0).logprobs().orElseThrow().content().orElseThrow();
        assertThat(content).isNotEmpty();
        assertThat(String.join("", content.stream().map(t -> t.token()).toList()))
                .isEqualTo(completion.choices().get(0).message().content().orElseThrow());
        content.forEach(t -> {
            assertThat(t.logprob()).isLessThan(0);
            assertThat(t.topLogprobs()).hasSize(3);
            assertThat(t.topLogprobs().get(0).token()).isEqualTo(t.token());
            assertThat(t.topLogprobs().get(1).logprob()).isLessThan(t.logprob());
        });
        ChatCompletion without = as("org-acme").chat().completions().create(chat("gpt-4o-mini", "hello there"));
        assertThat(without.choices().get(0).logprobs()).isEmpty();
        assertThatThrownBy(() -> as("org-acme").chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("hi").topLogprobs(2L).build())).isInstanceOf(BadRequestException.class);
    }

    @Test
    void streamedChunksCarryUsageNullBeforeTheLast() throws Exception {
        HttpResponse<String> response = http("POST", "/v1/chat/completions", null, "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hello there, how are you\"}]}");
        List<JsonNode> chunks = response.body().lines().filter(l -> l.startsWith("data: {")).map(l -> read(l.substring(6))).toList();
        assertThat(chunks).hasSizeGreaterThan(2);
        chunks.subList(0, chunks.size() - 1).forEach(c -> assertThat(c.has("usage") && c.get("usage").isNull()).as(c.toString()).isTrue());
        assertThat(chunks.get(chunks.size() - 1).path("usage").path("total_tokens").asInt()).isPositive();
    }

    @Test
    void optionalFieldsAreAbsentRatherThanNull() throws Exception {
        FileObject file = upload(as("org-acme"), "tickets.jsonl", TicketData.jsonl(TicketData.generate(20, 3)));
        JsonNode object = read(http("GET", "/v1/files/" + file.id(), "org-acme", null).body());
        assertThat(object.has("expires_at")).isFalse();
        assertThat(object.has("status_details")).isFalse();
        FineTuningJob job = as("org-acme").fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file.id())
                .seed(1L).build());
        awaitFinished(as("org-acme"), job.id());
        JsonNode checkpoints = read(http("GET", "/v1/fine_tuning/jobs/" + job.id() + "/checkpoints", "org-acme", null).body());
        JsonNode metrics = checkpoints.path("data").get(0).path("metrics");
        assertThat(metrics.has("train_loss")).isTrue();
        assertThat(metrics.has("valid_loss")).as(metrics.toString()).isFalse();
        assertThat(metrics.has("full_valid_mean_token_accuracy")).isFalse();
    }

    @Test
    void unknownRequestArgumentsAre400() throws Exception {
        HttpResponse<String> chat = http("POST", "/v1/chat/completions", null,
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temprature\":0.2}");
        assertThat(chat.statusCode()).isEqualTo(400);
        assertThat(read(chat.body()).path("error").path("message").asText()).isEqualTo("Unrecognized request argument supplied: temprature");
        HttpResponse<String> job = http("POST", "/v1/fine_tuning/jobs", null, "{\"model\":\"gpt-4o-mini\",\"training_file\":\"file-x\",\"epochs\":3}");
        assertThat(read(job.body()).path("error").path("message").asText()).isEqualTo("Unrecognized request argument supplied: epochs");
        HttpResponse<String> uploadCreate = http("POST", "/v1/uploads", null,
                "{\"filename\":\"a.jsonl\",\"purpose\":\"fine-tune\",\"bytes\":3,\"mime_type\":\"text/jsonl\",\"size\":3}");
        assertThat(uploadCreate.statusCode()).isEqualTo(400);
    }

    @Test
    void everyResponseCarriesARequestId() throws Exception {
        assertThat(http("GET", "/v1/models", null, null).headers().firstValue("x-request-id")).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
        assertThat(http("GET", "/v1/models/nope", null, null).headers().firstValue("x-request-id")).isPresent();
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("x-request-id")).isPresent();
        assertThat(as("org-acme").models().withRawResponse().list().requestId()).isPresent();
    }

    @Test
    void theOpenApiDocumentDescribesWhatIsServedWithOpenAisRealBehaviour() throws Exception {
        HttpResponse<String> doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode openapi = read(doc.body());
        assertThat(openapi.path("paths").has("/v1/chat/completions")).isTrue();
        assertThat(openapi.path("paths").has("/v1/fine_tuning/jobs/{fine_tuning_job_id}/pause")).isTrue();
        assertThat(openapi.path("components").path("schemas").path("FineTuningJob").path("properties").path("status").path("enum").toString())
                .contains("paused");
    }

    private static ChatCompletionCreateParams chat(String model, String prompt) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt).build();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(text, e);
        }
    }
}
