package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.awaitFinished;
import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fine-tuned model learns from its data: held-out accuracy, contradictory data, overfitting, determinism. */
@QuarkusTest
class LearningTest {

    private final OpenAIClient client = client();

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    @Test
    void fineTunedModelClassifiesHeldOutTicketsAndContradictoryLabelsTeachLess() {
        List<TicketData.Ticket> all = TicketData.generate(100, 11);
        List<TicketData.Ticket> train = all.subList(0, 80);
        List<TicketData.Ticket> heldOut = all.subList(80, 100);

        String clean = train(TicketData.jsonl(train), 3L);
        String noisy = train(TicketData.jsonl(TicketData.contradictory(train, 5)), 3L);

        double base = accuracy("gpt-4o-mini", heldOut);
        double tuned = accuracy(clean, heldOut);
        double confused = accuracy(noisy, heldOut);

        assertThat(base).as("the base model does not know the label set").isEqualTo(0.0);
        assertThat(tuned).as("clean data is learned").isGreaterThanOrEqualTo(0.8);
        assertThat(confused).as("contradictory labels teach less").isLessThan(tuned - 0.3);
    }

    @Test
    void tooManyEpochsOnATinyDatasetMakeValidationLossRise() {
        List<TicketData.Ticket> all = TicketData.generate(16, 21);
        String trainFile = upload(client, "tiny.jsonl", TicketData.jsonl(all.subList(0, 10))).id();
        String validFile = upload(client, "tiny-valid.jsonl", TicketData.jsonl(all.subList(10, 16))).id();
        FineTuningJob job = awaitFinished(client, client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini")
                .trainingFile(trainFile).validationFile(validFile).seed(1L)
                .hyperparameters(JobCreateParams.Hyperparameters.builder().nEpochs(30).batchSize(2).build()).build()).id());
        assertThat(job.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);

        List<double[]> rows = metrics(job);
        int perEpoch = 5;
        double[] validByEpoch = new double[30];
        double[] trainByEpoch = new double[30];
        for (int epoch = 0; epoch < 30; epoch++) {
            for (int s = 0; s < perEpoch; s++) {
                validByEpoch[epoch] += rows.get(epoch * perEpoch + s)[3] / perEpoch;
                trainByEpoch[epoch] += rows.get(epoch * perEpoch + s)[1] / perEpoch;
            }
        }
        double best = Double.MAX_VALUE;
        int bestEpoch = 0;
        for (int e = 0; e < 30; e++) {
            if (validByEpoch[e] < best) {
                best = validByEpoch[e];
                bestEpoch = e;
            }
        }
        assertThat(bestEpoch).as("validation loss bottoms out early").isLessThan(15);
        assertThat(validByEpoch[29]).as("then rises: overfitting").isGreaterThan(best * 1.15);
        assertThat(trainByEpoch[29]).as("while training loss keeps falling").isLessThan(trainByEpoch[bestEpoch]);
    }

    @Test
    void sameSeedSameDataSameLosses() {
        String data = TicketData.jsonl(TicketData.generate(20, 4));
        FineTuningJob a = awaitFinished(client, create(upload(client, "a.jsonl", data).id(), 9L));
        FineTuningJob b = awaitFinished(client, create(upload(client, "b.jsonl", data).id(), 9L));
        FineTuningJob c = awaitFinished(client, create(upload(client, "c.jsonl", data).id(), 10L));
        assertThat(csv(a)).isEqualTo(csv(b));
        assertThat(csv(a)).isNotEqualTo(csv(c));
    }

    private String create(String file, long seed) {
        return client.fineTuning().jobs().create(JobCreateParams.builder().model("gpt-4o-mini").trainingFile(file).seed(seed).build()).id();
    }

    private String train(String jsonl, long seed) {
        String file = upload(client, "train.jsonl", jsonl).id();
        FineTuningJob job = awaitFinished(client, create(file, seed));
        assertThat(job.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        return job.fineTunedModel().orElseThrow();
    }

    private double accuracy(String model, List<TicketData.Ticket> tickets) {
        int right = 0;
        for (TicketData.Ticket t : tickets) {
            String answer = client.chat().completions().create(ChatCompletionCreateParams.builder().model(model)
                    .addSystemMessage(TicketData.SYSTEM).addUserMessage(t.text()).build())
                    .choices().get(0).message().content().orElse("");
            if (answer.trim().equals(t.label())) {
                right++;
            }
        }
        return (double) right / tickets.size();
    }

    private String csv(FineTuningJob job) {
        return new String(FineTuningJobTest.readAll(client.files().content(job.resultFiles().get(0))), StandardCharsets.UTF_8);
    }

    private List<double[]> metrics(FineTuningJob job) {
        return csv(job).lines().skip(1).map(l -> {
            String[] f = l.split(",", -1);
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
        }).toList();
    }
}
