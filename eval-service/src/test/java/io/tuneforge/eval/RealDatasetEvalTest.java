package io.tuneforge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.eval.EvalFixtures.BASE_MODEL;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Anthropic's JSON-mode dataset from ../shared/data (skipped when the folder is absent), converted from
 * Bedrock's shape (top-level {@code system}) to OpenAI chat, trained in the simulator and evaluated on
 * its held-out split as a JSON generation task.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(EvalSiblings.class)
class RealDatasetEvalTest {

    private static final String KEY = TestTenants.ACME_KEY;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fineTunedOnJsonModeDataItAnswersInJsonWhereItsBaseDoesNot() throws IOException {
        Path file = sharedData("anthropic_json_mode_bedrock.jsonl");
        assumeTrue(file != null, "../shared/data is absent in this checkout");
        StringBuilder chat = new StringBuilder();
        // 160 of the 500 rows keep the test quick; the split is still dataset-service's own seeded split.
        for (String line : Files.readAllLines(file).subList(0, 160)) {
            JsonNode row = JSON.readTree(line);
            JsonNode messages = row.path("messages");
            chat.append(EvalFixtures.line(row.path("system").asText(), messages.get(0).path("content").asText(),
                    messages.get(1).path("content").asText())).append('\n');
        }
        String datasetId = EvalFixtures.validatedDataset(KEY, chat.toString());
        String tuned = EvalFixtures.fineTune(KEY, datasetId);

        String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId,
                "models", EvalFixtures.models(tuned, BASE_MODEL), "task", Map.of("kind", "generation", "format", "json")));
        EvalFixtures.awaitState(KEY, evalId, "completed");

        JsonPath report = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).extract().jsonPath();
        double tunedFormat = report.getDouble("models.find { it.role == 'candidate' }.format_compliance");
        double baseFormat = report.getDouble("models.find { it.role == 'baseline' }.format_compliance");
        assertThat(tunedFormat).as("fine-tuned answers are JSON").isGreaterThanOrEqualTo(0.95).isGreaterThan(baseFormat);
        assertThat(report.getDouble("models.find { it.role == 'candidate' }.bleu"))
                .isGreaterThan(report.getDouble("models.find { it.role == 'baseline' }.bleu"));
        // Every reference answer is unique and the simulator answers with a neighbour's training answer:
        // word-for-word matches on held-out prompts are not expected from either model, and ROUGE-L of a
        // neighbour's JSON need not beat the base model's echo of the prompt (README: what the simulator shows).
        assertThat(report.getDouble("models.find { it.role == 'candidate' }.exact_match"))
                .isGreaterThanOrEqualTo(report.getDouble("models.find { it.role == 'baseline' }.exact_match"));
        assertThat(report.getBoolean("gates.find { it.gate == 'format_compliance' }.passed")).isTrue();
        assertThat(report.getList("gates.gate", String.class)).containsExactly("quality_above_baseline", "format_compliance");
        assertThat(report.getString("decision")).isIn("promote", "reject");
    }

    static Path sharedData(String name) {
        String root = System.getProperty("tuneforge.root");
        List<Path> candidates = List.of(root != null ? Path.of(root, "..", "shared", "data", name) : Path.of("..", "..", "shared", "data", name),
                Path.of("..", "shared", "data", name));
        return candidates.stream().map(Path::normalize).filter(Files::isReadable).findFirst().orElse(null);
    }
}
