package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.admin;
import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIIoException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers lost after the provider did the work: the caller sees a broken connection, the simulator has done it. */
@QuarkusTest
class LostAnswersTest {

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    @Test
    void aLostJobCreationAnswerStillCreatedTheJob() {
        OpenAIClient noRetries = client(0);
        String file = upload(noRetries, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3))).id();
        admin("PUT", "/faults", "{\"rules\": [{\"kind\": \"lost\", \"count\": 1, \"path_prefix\": \"/v1/fine_tuning/jobs\", \"method\": \"POST\"}]}");
        assertThatThrownBy(() -> noRetries.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file).build()))
                .isInstanceOf(OpenAIIoException.class);
        assertThat(noRetries.fineTuning().jobs().list().data()).hasSize(1);
    }

    @Test
    void aLostUploadAnswerStillStoredTheFileAndTheRateIsSeededAndLimitedToWrites() {
        OpenAIClient noRetries = client(0);
        admin("PUT", "/faults", "{\"lost_rate\": 1.0, \"seed\": 7}");
        assertThatThrownBy(() -> upload(noRetries, "t.jsonl", TicketData.jsonl(TicketData.generate(12, 3)))).isInstanceOf(OpenAIIoException.class);
        assertThatThrownBy(() -> noRetries.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("hi").build())).isInstanceOf(OpenAIIoException.class);
        // Reads are never lost: the file is there.
        assertThat(noRetries.files().list().data()).hasSize(1);
        assertThat(admin("GET", "/faults", null)).contains("\"lost_rate\":1.0");
    }
}
