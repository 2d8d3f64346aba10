package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.awaitFinished;
import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trains on a real public dataset (../shared/data/fireworks_text2sql_sft.jsonl), evaluates base and
 * fine-tuned models on held-out rows by exact match and token F1, and checks that the same rows with
 * their answers shuffled (contradictory data) teach less. Skipped when the shared data is absent.
 */
@QuarkusTest
class RealDatasetLearningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAIClient client = client();

    record Row(String line, String system, String user, String answer) {}

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    @Test
    void fineTunedModelBeatsBaseOnHeldOutText2Sql() throws IOException {
        Path data = SimulatorHarness.sharedData("fireworks_text2sql_sft.jsonl");
        assumeTrue(data != null, "../shared/data is not present");
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(data)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode messages = JSON.readTree(line).get("messages");
            rows.add(new Row(line, messages.get(0).get("content").asText(), messages.get(1).get("content").asText(),
                    messages.get(2).get("content").asText()));
        }
        Collections.shuffle(rows, new Random(42));
        List<Row> train = rows.subList(0, 80);
        List<Row> heldOut = rows.subList(80, rows.size());

        StringBuilder clean = new StringBuilder();
        train.forEach(r -> clean.append(r.line()).append('\n'));
        List<String> answers = new ArrayList<>(train.stream().map(Row::answer).toList());
        Collections.shuffle(answers, new Random(7));
        StringBuilder contradictory = new StringBuilder();
        for (int i = 0; i < train.size(); i++) {
            contradictory.append(TicketData.line(train.get(i).system(), train.get(i).user(), answers.get(i))).append('\n');
        }

        String tunedModel = train(clean.toString());
        String confusedModel = train(contradictory.toString());

        double[] base = evaluate("gpt-4o-mini", heldOut);
        double[] tuned = evaluate(tunedModel, heldOut);
        double[] confused = evaluate(confusedModel, heldOut);
        System.out.printf(Locale.ROOT, "text2sql held-out (%d rows): exact match base=%.2f tuned=%.2f contradictory=%.2f; "
                + "token F1 base=%.3f tuned=%.3f contradictory=%.3f%n", heldOut.size(), base[0], tuned[0], confused[0], base[1], tuned[1], confused[1]);

        assertThat(tuned[1]).as("token F1: fine-tuned well above base").isGreaterThan(base[1] + 0.25);
        assertThat(tuned[0]).as("exact match: fine-tuned at least base").isGreaterThanOrEqualTo(base[0]);
        assertThat(confused[1]).as("contradictory data teaches less").isLessThan(tuned[1] - 0.1);
    }

    private String train(String jsonl) {
        String file = upload(client, "text2sql.jsonl", jsonl).id();
        FineTuningJob job = awaitFinished(client, client.fineTuning().jobs().create(JobCreateParams.builder()
                .model("gpt-4o-mini").trainingFile(file).seed(1L).build()).id());
        assertThat(job.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        return job.fineTunedModel().orElseThrow();
    }

    /** [exact match, mean token F1] over the rows. */
    private double[] evaluate(String model, List<Row> rows) {
        double exact = 0;
        double f1 = 0;
        for (Row r : rows) {
            String answer = client.chat().completions().create(ChatCompletionCreateParams.builder().model(model)
                    .addSystemMessage(r.system()).addUserMessage(r.user()).temperature(0.0).build())
                    .choices().get(0).message().content().orElse("").trim();
            exact += answer.equalsIgnoreCase(r.answer().trim()) ? 1 : 0;
            f1 += tokenF1(answer, r.answer());
        }
        return new double[] {exact / rows.size(), f1 / rows.size()};
    }

    static double tokenF1(String predicted, String reference) {
        List<String> p = words(predicted);
        List<String> r = words(reference);
        if (p.isEmpty() || r.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        r.forEach(w -> counts.merge(w, 1, Integer::sum));
        int overlap = 0;
        for (String w : p) {
            if (counts.getOrDefault(w, 0) > 0) {
                counts.merge(w, -1, Integer::sum);
                overlap++;
            }
        }
        if (overlap == 0) {
            return 0;
        }
        double precision = (double) overlap / p.size();
        double recall = (double) overlap / r.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
