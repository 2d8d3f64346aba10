package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.awaitFinished;
import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** First half of the restart check: leaves a finished job, a running job and a file in the data folder. */
@QuarkusTest
@TestProfile(RestartProfiles.FirstLife.class)
class RestartFirstLifeTest {

    @Test
    void leaveWorkBehind() {
        OpenAIClient client = client();
        String file = upload(client, "restart.jsonl", TicketData.jsonl(TicketData.generate(12, 13))).id();
        FineTuningJob done = awaitFinished(client, client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini")
                .trainingFile(file).suffix("before").seed(5L).build()).id());
        assertThat(done.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);

        FineTuningJob running = client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file)
                .suffix("interrupted").seed(5L).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> client.fineTuning().jobs().retrieve(running.id()).status()
                .equals(FineTuningJob.Status.RUNNING));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(RestartProfiles.DATA.resolve("state.json")));
    }
}
