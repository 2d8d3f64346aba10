package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.admin;
import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, job quotas, injected faults and Idempotency-Key, as openai-java experiences them. */
@QuarkusTest
class LimitsAndFaultsTest {

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    private static ChatCompletionCreateParams hello() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hello there").build();
    }

    @Test
    void requestsPerMinuteAnswer429WithOpenAiHeadersAndTheSdkRetriesAfterThem() {
        admin("PUT", "/limits", "{\"requests_per_minute\": 2, \"window_millis\": 1000}");
        OpenAIClient noRetries = client(0);
        var ok = noRetries.chat().completions().withRawResponse().create(hello());
        assertThat(ok.headers().values("x-ratelimit-limit-requests")).containsExactly("2");
        assertThat(ok.headers().values("x-ratelimit-remaining-requests")).containsExactly("1");
        noRetries.chat().completions().create(hello());

        assertThatThrownBy(() -> noRetries.chat().completions().create(hello())).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.code()).contains("rate_limit_exceeded");
            assertThat(e.type()).contains("requests");
            assertThat(e.getMessage()).contains("Rate limit reached for gpt-4o-mini").contains("requests per min (RPM): Limit 2, Used 2");
            assertThat(e.headers().values("retry-after")).isNotEmpty();
            assertThat(e.headers().values("x-ratelimit-remaining-requests")).containsExactly("0");
        });

        // The default client waits as retry-after says and gets through once the window has moved on.
        assertThat(client(3).chat().completions().create(hello()).choices()).isNotEmpty();
    }

    @Test
    void tokensPerMinuteAreCountedWithTheRealTokenizer() {
        admin("PUT", "/limits", "{\"tokens_per_minute\": 30}");
        OpenAIClient noRetries = client(0);
        noRetries.chat().completions().create(hello());
        assertThatThrownBy(() -> noRetries.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("hello there").maxCompletionTokens(20).build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.type()).contains("tokens"));
    }

    @Test
    void activeJobAndDailyJobLimitsRefuseCreation() {
        OpenAIClient client = client(0);
        String file = upload(client, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3))).id();
        JobCreateParams slowJob = JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file)
                .hyperparameters(JobCreateParams.Hyperparameters.builder().nEpochs(50).build()).build();
        admin("PUT", "/limits", "{\"max_active_jobs\": 1}");
        FineTuningJob first = client.fineTuning().jobs().create(slowJob);
        assertThatThrownBy(() -> client.fineTuning().jobs().create(slowJob)).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.code()).contains("rate_limit_exceeded");
            assertThat(e.getMessage()).contains("maximum of 1 active fine-tuning jobs");
        });
        client.fineTuning().jobs().cancel(first.id());

        admin("PUT", "/limits", "{\"max_active_jobs\": 10, \"max_daily_jobs\": 2}");
        client.fineTuning().jobs().cancel(client.fineTuning().jobs().create(slowJob).id());
        assertThatThrownBy(() -> client.fineTuning().jobs().create(slowJob))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.code()).contains("daily_rate_limit_exceeded"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameJob() {
        OpenAIClient client = client();
        String file = upload(client, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3))).id();
        JobCreateParams params = JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file)
                .putAdditionalHeader("Idempotency-Key", "create-tickets-1").build();
        FineTuningJob first = client.fineTuning().jobs().create(params);
        FineTuningJob retried = client.fineTuning().jobs().create(params);
        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(client.fineTuning().jobs().list().data()).hasSize(1);

        FineTuningJob other = client.fineTuning().jobs().create(params.toBuilder().putAdditionalHeader("Idempotency-Key", "create-tickets-2")
                .build());
        assertThat(other.id()).isNotEqualTo(first.id());
    }

    @Test
    void injected5xxAndDroppedConnectionsAreRetriedByTheSdk() {
        admin("PUT", "/faults", "{\"rules\": [{\"kind\": \"unavailable\", \"count\": 2, \"path_prefix\": \"/v1/chat\"}]}");
        assertThat(client(2).chat().completions().create(hello()).choices()).isNotEmpty();

        admin("PUT", "/faults", "{\"rules\": [{\"kind\": \"error\", \"count\": 1, \"path_prefix\": \"/v1/chat\"}]}");
        assertThatThrownBy(() -> client(0).chat().completions().create(hello())).isInstanceOf(InternalServerException.class);

        admin("PUT", "/faults", "{\"rules\": [{\"kind\": \"drop\", \"count\": 1, \"path_prefix\": \"/v1/models\"}]}");
        assertThatThrownBy(() -> client(0).models().list()).isInstanceOf(OpenAIIoException.class);
        admin("PUT", "/faults", "{\"rules\": [{\"kind\": \"drop\", \"count\": 1, \"path_prefix\": \"/v1/models\"}]}");
        assertThat(client(2).models().list().data()).isNotEmpty();

        admin("PUT", "/faults", "{\"rules\": [{\"kind\": \"slow\", \"count\": 1, \"path_prefix\": \"/v1/models\", \"delay_millis\": 3000}]}");
        assertThatThrownBy(() -> client(0).models().list(RequestOptions.builder()
                .timeout(Timeout.builder().request(Duration.ofMillis(500)).build()).build()))
                .isInstanceOf(OpenAIIoException.class);
    }

    @Test
    void perModelFaultsFailAndSlowOnlyThatModelsChatCompletions() {
        admin("PUT", "/faults", "{\"models\": {\"gpt-4.1-mini\": {\"error_rate\": 0.5, \"latency_ms\": 150}}}");
        OpenAIClient noRetries = client(0);
        int failed = 0;
        long slowest = 0;
        for (int i = 0; i < 40; i++) {
            long started = System.nanoTime();
            try {
                noRetries.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4.1-mini")
                        .addUserMessage("hello there").build());
            } catch (InternalServerException e) {
                assertThat(e.statusCode()).isEqualTo(500);
                failed++;
            }
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
        }
        assertThat(failed).as("500s out of 40 calls at error_rate 0.5").isBetween(8, 32);
        assertThat(slowest).as("every call of the faulty model waits latency_ms").isGreaterThanOrEqualTo(150);
        // Another model is untouched, and fast.
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(noRetries.chat().completions().create(hello()).choices()).isNotEmpty();
        }
        assertThat((System.nanoTime() - started) / 1_000_000 / 10).isLessThan(150);
    }

    @Test
    void jobFailuresCanBeInjected() {
        admin("PUT", "/faults", "{\"job_failure_rate\": 1.0}");
        OpenAIClient client = client();
        String file = upload(client, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3))).id();
        FineTuningJob job = SimulatorHarness.awaitFinished(client,
                client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file).build()).id());
        assertThat(job.status()).isEqualTo(FineTuningJob.Status.FAILED);
        assertThat(job.error()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("internal_error"));
    }
}
