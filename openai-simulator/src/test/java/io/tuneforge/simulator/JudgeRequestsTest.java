package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Judge requests (README "Judge requests") get verdicts from the texts they compare, not from chance or position. */
@QuarkusTest
class JudgeRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "My invoice shows a double charge for March, please refund it.";
    private static final String REFERENCE = "billing";

    private final OpenAIClient client = client();

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    @Test
    void anAnswerMatchingTheReferenceScoresHigherThanOneThatDoesNot() {
        int matching = score("Billing.");
        int partial = score("billing or shipping");
        int generic = score("Here is a general answer about invoice, refund and charge.");
        assertThat(matching).isEqualTo(5);
        assertThat(partial).isBetween(2, 4);
        assertThat(generic).isEqualTo(1);
        assertThat(matching).isGreaterThan(partial);
        assertThat(partial).isGreaterThan(generic);
    }

    @Test
    void pairwisePrefersTheAnswerCloserToTheReferenceInBothOrdersAndEqualAnswersTie() {
        String tuned = "billing";
        String base = "Here is a general answer about invoice, refund and charge.";
        assertThat(pairwise(tuned, base)).isEqualTo("A");
        assertThat(pairwise(base, tuned)).as("swapping the answers swaps the verdict").isEqualTo("B");
        assertThat(pairwise(base, base)).isEqualTo("TIE");
        assertThat(pairwise("account", "shipping")).as("equally wrong: a tie, position does not decide").isEqualTo("TIE");
    }

    @Test
    void withoutTheJudgeSchemaTheSameTextGetsAnOrdinaryAnswer() {
        String plain = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage(judgeText("answer", "billing")).build()).choices().get(0).message().content().orElseThrow();
        assertThat(plain).doesNotContain("\"score\"");
    }

    private int score(String answer) {
        return ask("tuneforge_judge_score", Map.of("score", Map.of("type", "integer", "minimum", 1, "maximum", 5),
                "reason", Map.of("type", "string")), judgeText("answer", answer)).get("score").asInt();
    }

    private String pairwise(String a, String b) {
        String text = "<question>\n" + QUESTION + "\n</question>\n<reference>\n" + REFERENCE + "\n</reference>\n<answer_a>\n" + a
                + "\n</answer_a>\n<answer_b>\n" + b + "\n</answer_b>";
        return ask("tuneforge_pairwise", Map.of("winner", Map.of("type", "string", "enum", List.of("A", "B", "TIE")),
                "reason", Map.of("type", "string")), text).get("winner").asText();
    }

    private static String judgeText(String tag, String answer) {
        return "<question>\n" + QUESTION + "\n</question>\n<reference>\n" + REFERENCE + "\n</reference>\n<" + tag + ">\n" + answer
                + "\n</" + tag + ">";
    }

    private JsonNode ask(String schemaName, Map<String, Object> properties, String user) {
        ResponseFormatJsonSchema format = ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                .name(schemaName).strict(true).schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(properties))
                        .putAdditionalProperty("required", JsonValue.from(List.copyOf(properties.keySet())))
                        .putAdditionalProperty("additionalProperties", JsonValue.from(false)).build()).build()).build();
        String reply = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addSystemMessage("You grade answers against the reference. Reply in JSON.").addUserMessage(user)
                .responseFormat(format).build()).choices().get(0).message().content().orElseThrow();
        try {
            return JSON.readTree(reply);
        } catch (Exception e) {
            throw new AssertionError("judge reply is not JSON: " + reply, e);
        }
    }
}
