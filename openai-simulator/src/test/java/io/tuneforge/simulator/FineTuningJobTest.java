package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.awaitFinished;
import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.FineTuningJobEvent;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.finetuning.jobs.JobListParams;
import com.openai.models.finetuning.jobs.checkpoints.FineTuningJobCheckpoint;
import com.openai.models.finetuning.methods.SupervisedHyperparameters;
import com.openai.models.finetuning.methods.SupervisedMethod;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FineTuningJobTest {

    /** The SDK enum has no constant for it; Status.of keeps the wire value. */
    private static final FineTuningJob.Status PAUSED = FineTuningJob.Status.of("paused");

    private final OpenAIClient client = client();

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    private String trainingFile(int examples) {
        return upload(client, "tickets.jsonl", TicketData.jsonl(TicketData.generate(examples, 7))).id();
    }

    @Test
    void jobRunsToSuccessWithEventsCheckpointsMetricsAndTrainedTokens() {
        String file = trainingFile(12);
        FineTuningJob created = client.fineTuning().jobs().create(JobCreateParams.builder()
                .model("gpt-4o-mini").trainingFile(file).suffix("tickets").seed(3L)
                .metadata(JobCreateParams.Metadata.builder().putAdditionalProperty("team", JsonValue.from("support")).build())
                .build());
        assertThat(created.status()).isEqualTo(FineTuningJob.Status.VALIDATING_FILES);
        assertThat(created.id()).startsWith("ftjob-");

        FineTuningJob done = awaitFinished(client, created.id());

        assertThat(done.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        assertThat(done.fineTunedModel()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("ft:gpt-4o-mini-2024-07-18:org-tuneforge:tickets:"));
        // auto epochs: 12 examples x 3 epochs < 100 examples seen, so 100 / 12 = 8 epochs (integer division)
        assertThat(done.hyperparameters().nEpochs().orElseThrow().integer()).contains(8L);
        assertThat(done.hyperparameters().batchSize().orElseThrow().integer()).contains(1L);
        long perEpoch = 0;
        Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        for (TicketData.Ticket t : TicketData.generate(12, 7)) {
            perEpoch += 3 + 3 * 3 + o200k.countTokens("system") + o200k.countTokens(TicketData.SYSTEM) + o200k.countTokens("user")
                    + o200k.countTokens(t.text()) + o200k.countTokens("assistant") + o200k.countTokens(t.label());
        }
        assertThat(done.trainedTokens()).contains(perEpoch * 8);

        List<FineTuningJobEvent> events = client.fineTuning().jobs().listEvents(created.id()).autoPager().stream().toList();
        assertThat(events).extracting(FineTuningJobEvent::message)
                .contains("Fine-tuning job started", "The job has successfully completed");
        assertThat(events).filteredOn(e -> FineTuningJobEvent.Type.METRICS.equals(e.type().orElse(null))).hasSize(12 * 8);

        List<FineTuningJobCheckpoint> checkpoints = client.fineTuning().jobs().checkpoints().list(created.id()).data();
        assertThat(checkpoints).hasSize(3).extracting(FineTuningJobCheckpoint::stepNumber).containsExactly(96L, 84L, 72L);

        String csv = new String(readAll(client.files().content(done.resultFiles().get(0))), StandardCharsets.UTF_8);
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy");
        assertThat(rows).hasSize(1 + 96);
        double firstEpochLoss = meanLoss(rows.subList(1, 13));
        double lastEpochLoss = meanLoss(rows.subList(85, 97));
        assertThat(lastEpochLoss).as("training loss falls as the data is learned").isLessThan(firstEpochLoss / 2);
    }

    @Test
    void explicitHyperparametersAndMetadataFilterAndCancel() {
        String file = trainingFile(20);
        FineTuningJob job = client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4.1-nano").trainingFile(file)
                .method(JobCreateParams.Method.builder().type(JobCreateParams.Method.Type.SUPERVISED)
                        .supervised(SupervisedMethod.builder().hyperparameters(SupervisedHyperparameters.builder()
                                .nEpochs(50).batchSize(1).learningRateMultiplier(0.5).build()).build()).build())
                .metadata(JobCreateParams.Metadata.builder().putAdditionalProperty("run", JsonValue.from("a")).build())
                .build());
        client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4.1-nano").trainingFile(file)
                .metadata(JobCreateParams.Metadata.builder().putAdditionalProperty("run", JsonValue.from("b")).build()).build());

        List<FineTuningJob> onlyA = client.fineTuning().jobs().list(JobListParams.builder()
                .metadata(JobListParams.Metadata.builder().putAdditionalProperty("run", "a").build()).build()).data();
        assertThat(onlyA).extracting(FineTuningJob::id).containsExactly(job.id());

        FineTuningJob cancelled = client.fineTuning().jobs().cancel(job.id());
        assertThat(cancelled.status()).isEqualTo(FineTuningJob.Status.CANCELLED);
        assertThatThrownBy(() -> client.fineTuning().jobs().cancel(job.id())).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("cannot be cancelled");

        FineTuningJob done = awaitFinished(client, client.fineTuning().jobs().list().data().get(0).id());
        assertThat(done.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
    }

    @Test
    void pauseStopsTrainingAndResumeFinishesIt() {
        String file = trainingFile(40);
        FineTuningJob job = client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o").trainingFile(file)
                .hyperparameters(JobCreateParams.Hyperparameters.builder().nEpochs(25).build()).build());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> client.fineTuning().jobs().retrieve(job.id()).status().equals(FineTuningJob.Status.RUNNING));

        FineTuningJob paused = client.fineTuning().jobs().pause(job.id());
        assertThat(paused.status()).isEqualTo(PAUSED);
        int stepsAtPause = metricEvents(job.id());
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(metricEvents(job.id())).as("no training while paused").isEqualTo(stepsAtPause);
        assertThat(client.fineTuning().jobs().retrieve(job.id()).status()).isEqualTo(PAUSED);
        assertThatThrownBy(() -> client.fineTuning().jobs().pause(job.id())).isInstanceOf(BadRequestException.class);

        assertThat(client.fineTuning().jobs().resume(job.id()).status()).isEqualTo(FineTuningJob.Status.RUNNING);
        FineTuningJob done = awaitFinished(client, job.id());
        assertThat(done.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        assertThat(metricEvents(job.id())).isEqualTo(40 * 25);
    }

    @Test
    void invalidRequestsGetOpenAiErrors() {
        String file = trainingFile(12);
        assertThatThrownBy(() -> client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-3-unknown").trainingFile(file).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("model_not_available");
                    assertThat(e.param()).contains("model");
                });
        assertThatThrownBy(() -> client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile("file-nope").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("training_file"));
        assertThatThrownBy(() -> client.fineTuning().jobs().retrieve("ftjob-missing")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ftjob-missing");
        assertThatThrownBy(() -> client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file)
                .hyperparameters(JobCreateParams.Hyperparameters.builder().nEpochs(0).build()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("hyperparameters.n_epochs"));
    }

    @Test
    void aTrainingFileWithoutAssistantTurnsFailsTheJobWithTheLine() {
        String rows = TicketData.jsonl(TicketData.generate(11, 1))
                + "{\"messages\":[{\"role\":\"user\",\"content\":\"no answer here\"}]}\n";
        String file = upload(client, "broken.jsonl", rows).id();
        FineTuningJob job = client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file).build());
        FineTuningJob done = awaitFinished(client, job.id());
        assertThat(done.status()).isEqualTo(FineTuningJob.Status.FAILED);
        assertThat(done.error()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("invalid_training_file");
            assertThat(e.message()).contains("line 12: no assistant message to learn from");
        });
    }

    @Test
    void tooFewExamplesFailValidation() {
        String file = trainingFile(5);
        FineTuningJob done = awaitFinished(client,
                client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file).build()).id());
        assertThat(done.error()).hasValueSatisfying(e -> assertThat(e.message()).contains("must have at least 10 examples"));
    }

    private int metricEvents(String jobId) {
        return (int) client.fineTuning().jobs().listEvents(jobId).autoPager().stream()
                .filter(e -> FineTuningJobEvent.Type.METRICS.equals(e.type().orElse(null))).count();
    }

    static byte[] readAll(com.openai.core.http.HttpResponse response) {
        try (response) {
            return response.body().readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double meanLoss(List<String> rows) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.split(",")[1])).average().orElseThrow();
    }
}
