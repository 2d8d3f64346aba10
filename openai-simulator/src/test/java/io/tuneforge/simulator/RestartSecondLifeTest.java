package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.awaitFinished;
import static io.tuneforge.simulator.SimulatorHarness.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.finetuning.jobs.FineTuningJob;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Second half: after a restart over the same data folder, files, finished jobs and their models are
 * there, and the interrupted job finishes with exactly the losses an uninterrupted run would have had.
 */
@QuarkusTest
@TestProfile(RestartProfiles.SecondLife.class)
class RestartSecondLifeTest {

    @Test
    void everythingSurvivesAndTheInterruptedJobFinishes() {
        OpenAIClient client = client();
        List<FineTuningJob> jobs = client.fineTuning().jobs().list().data();
        assertThat(jobs).hasSize(2);
        FineTuningJob before = jobs.stream().filter(j -> j.status().equals(FineTuningJob.Status.SUCCEEDED)).findFirst().orElseThrow();
        FineTuningJob interrupted = jobs.stream().filter(j -> !j.id().equals(before.id())).findFirst().orElseThrow();
        assertThat(interrupted.status()).isIn(FineTuningJob.Status.RUNNING, FineTuningJob.Status.SUCCEEDED);
        assertThat(client.files().retrieve(before.trainingFile()).filename()).isEqualTo("restart.jsonl");

        TicketData.Ticket ticket = TicketData.generate(12, 13).get(3);
        String answer = client.chat().completions().create(ChatCompletionCreateParams.builder().model(before.fineTunedModel().orElseThrow())
                .addSystemMessage(TicketData.SYSTEM).addUserMessage(ticket.text()).build()).choices().get(0).message().content().orElseThrow();
        assertThat(answer).isEqualTo(ticket.label());

        FineTuningJob finished = awaitFinished(client, interrupted.id());
        assertThat(finished.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        String resumedCsv = new String(FineTuningJobTest.readAll(client.files().content(finished.resultFiles().get(0))), StandardCharsets.UTF_8);
        String uninterruptedCsv = new String(FineTuningJobTest.readAll(client.files().content(before.resultFiles().get(0))), StandardCharsets.UTF_8);
        assertThat(resumedCsv).as("same data and seed: the replayed run matches the uninterrupted one").isEqualTo(uninterruptedCsv);
    }
}
