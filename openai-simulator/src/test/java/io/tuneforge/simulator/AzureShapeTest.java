package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.awaitFinished;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Azure OpenAI shape through openai-java's Azure support: legacy paths (/openai/deployments/{model}/...,
 * /openai/files, ?api-version=) with the api-key header, and the unified /openai/v1 paths.
 */
@QuarkusTest
class AzureShapeTest {

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    private static OpenAIClient azure(AzureUrlPathMode mode, String path) {
        return OpenAIOkHttpClient.builder().baseUrl(SimulatorHarness.root() + path)
                .credential(AzureApiKeyCredential.create("azure-key"))
                .azureServiceVersion(AzureOpenAIServiceVersion.fromString("2024-10-21"))
                .azureUrlPathMode(mode).build();
    }

    @Test
    void legacyAzurePathsServeFilesJobsAndChat() {
        OpenAIClient client = azure(AzureUrlPathMode.LEGACY, "");
        String file = upload(client, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 8))).id();
        FineTuningJob job = awaitFinished(client,
                client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file).build()).id());
        assertThat(job.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);

        String answer = client.chat().completions().create(ChatCompletionCreateParams.builder().model(job.fineTunedModel().orElseThrow())
                .addSystemMessage(TicketData.SYSTEM).addUserMessage(TicketData.generate(12, 8).get(0).text()).build())
                .choices().get(0).message().content().orElseThrow();
        assertThat(answer).isEqualTo(TicketData.generate(12, 8).get(0).label());
    }

    @Test
    void unifiedAzurePathsWork() {
        OpenAIClient client = azure(AzureUrlPathMode.UNIFIED, "/openai/v1");
        assertThat(client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4.1-mini")
                .addUserMessage("What is 2 + 3?").build()).choices().get(0).message().content()).contains("2 + 3 = 5.");
        assertThat(client.models().list().data()).isNotEmpty();
    }

    @Test
    void aMissingKeyIsRefused() {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(SimulatorHarness.root() + "/v1").apiKey(" ").maxRetries(0).build();
        assertThatThrownBy(() -> client.models().list()).isInstanceOf(UnauthorizedException.class);
    }
}
