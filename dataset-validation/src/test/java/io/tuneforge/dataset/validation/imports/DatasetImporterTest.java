package io.tuneforge.dataset.validation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.validation.Datasets;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.format.DatasetKind;
import io.tuneforge.dataset.validation.imports.ImportResult.FieldMapping;
import io.tuneforge.dataset.validation.imports.ImportResult.SkippedRecord;
import io.tuneforge.dataset.validation.report.FindingTally;
import io.tuneforge.dataset.validation.report.Severity;
import io.tuneforge.dataset.validation.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The converted JSONL, the result, and the converted file through the validator. */
    record Converted(ImportResult result, String jsonl, ValidationReport report) {
        JsonNode line(int i) {
            try {
                return JSON.readTree(jsonl.split("\n")[i]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long mapped(String from, String to) {
            return result.mappings().stream().filter(m -> m.from().equals(from) && m.to().equals(to))
                    .mapToLong(FieldMapping::count).findFirst().orElse(0);
        }

        /** Errors other than "fewer than 10 examples", which the small test files are by design. */
        List<String> formatErrors() {
            return report.findings().stream().filter(t -> t.severity() == Severity.ERROR && !t.code().equals("too_few_examples"))
                    .map(FindingTally::code).toList();
        }
    }

    static Converted convert(byte[] input, SourceFormat format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImportResult result = new DatasetImporter().convert(new ByteArrayInputStream(input), out, format);
            String jsonl = out.toString(StandardCharsets.UTF_8);
            return new Converted(result, jsonl, Datasets.validate(jsonl, ValidationOptions.defaults().withParallelism(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Converted convert(String input) {
        return convert(input.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void alpacaBecomesChatAndAMalformedLineIsSkippedWithItsNumber() {
        Converted c = convert("""
                {"instruction": "Translate to French", "input": "Good morning", "output": "Bonjour", "system": "You translate."}
                {"instruction": "Name a prime number", "input": "", "output": "7"}
                {"instruction": "broken", "output": 
                {"instruction": "Continue", "input": "", "output": "Done.", "history": [["Hi", "Hello!"]], "category": "chat"}
                {"instruction": "No answer", "input": "", "output": ""}
                """);

        assertThat(c.result().sourceFormat()).isEqualTo(SourceFormat.ALPACA);
        assertThat(c.result().outputKind()).isEqualTo(DatasetKind.CHAT);
        assertThat(c.result().recordsRead()).isEqualTo(5);
        assertThat(c.result().recordsWritten()).isEqualTo(3);
        assertThat(c.result().skipped()).extracting(SkippedRecord::line).containsExactly(3L, 5L);
        assertThat(c.result().skipped().get(0).reason()).startsWith("not valid JSON");
        assertThat(c.result().skipped().get(1).reason()).contains("'output' is empty");

        assertThat(c.line(0).toString()).isEqualTo("{\"messages\":[{\"role\":\"system\",\"content\":\"You translate.\"},"
                + "{\"role\":\"user\",\"content\":\"Translate to French\\n\\nGood morning\"},{\"role\":\"assistant\",\"content\":\"Bonjour\"}]}");
        assertThat(c.line(2).get("messages")).extracting(m -> m.get("role").asText())
                .containsExactly("user", "assistant", "user", "assistant");
        assertThat(c.mapped("instruction", "user content")).isEqualTo(3);
        assertThat(c.mapped("input", "user content, after the instruction and a blank line")).isEqualTo(1);
        assertThat(c.mapped("output", "assistant content")).isEqualTo(3);
        assertThat(c.mapped("history[i][0], history[i][1]", "earlier user, assistant turns")).isEqualTo(1);
        assertThat(c.mapped("category", "(not converted)")).isEqualTo(1);
        assertThat(c.formatErrors()).isEmpty();
    }

    @Test
    void shareGptWithToolCallsObservationsAndToolsBecomesChatWithMatchedIds() {
        String tools = Datasets.quote("[{\"name\": \"get_weather\", \"description\": \"Weather\", \"parameters\": "
                + "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}}]");
        Converted c = convert("{\"system\": \"Be brief.\", \"tools\": " + tools + ", \"conversations\": ["
                + "{\"from\": \"human\", \"value\": \"Weather in Paris?\"},"
                + "{\"from\": \"function_call\", \"value\": \"{\\\"name\\\": \\\"get_weather\\\", \\\"arguments\\\": {\\\"city\\\": \\\"Paris\\\"}}\"},"
                + "{\"from\": \"observation\", \"value\": \"{\\\"temp\\\": 21}\"},"
                + "{\"from\": \"gpt\", \"value\": \"21 degrees.\"}]}\n"
                + "{\"conversations\": [{\"from\": \"system\", \"value\": \"S\"}, {\"from\": \"user\", \"value\": \"hi\"}, {\"from\": \"tool\", \"value\": \"x\"}]}\n"
                + "{\"conversations\": [{\"from\": \"human\", \"value\": \"hi\"}, {\"from\": \"wizard\", \"value\": \"boo\"}]}\n");

        assertThat(c.result().sourceFormat()).isEqualTo(SourceFormat.SHAREGPT);
        assertThat(c.result().recordsWritten()).isEqualTo(1);
        assertThat(c.result().skipped()).containsExactly(
                new SkippedRecord(2, "conversations[2] (tool) answers no earlier function_call"),
                new SkippedRecord(3, "conversations[1].from is 'wizard', which has no OpenAI role"));
        JsonNode example = c.line(0);
        JsonNode messages = example.get("messages");
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user", "assistant", "tool", "assistant");
        JsonNode call = messages.get(2).get("tool_calls").get(0);
        assertThat(call.get("function").get("name").asText()).isEqualTo("get_weather");
        assertThat(call.get("function").get("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(messages.get(3).get("tool_call_id").asText()).isEqualTo(call.get("id").asText());
        assertThat(example.get("tools").get(0).get("type").asText()).isEqualTo("function");
        assertThat(example.get("tools").get(0).get("function").get("name").asText()).isEqualTo("get_weather");
        assertThat(c.mapped("tools (JSON string)", "tools[] {type: function, function}")).isEqualTo(1);
        assertThat(c.formatErrors()).isEmpty();
        assertThat(c.report().findings()).extracting(FindingTally::code).doesNotContain("undeclared_tool", "unanswered_tool_call");
    }

    @Test
    void shareGptAsAGzippedJsonArrayIsStreamedWithElementLineNumbers() {
        String array = "[\n  {\"conversations\": [{\"from\": \"human\", \"value\": \"a\"}, {\"from\": \"gpt\", \"value\": \"b\"}]},\n"
                + "  {\"conversations\": []},\n"
                + "  {\"conversations\": [{\"from\": \"human\", \"value\": \"c\"}, {\"from\": \"gpt\", \"value\": \"d\"}]}\n]\n";
        Converted c = convert(Datasets.gzip(array.getBytes(StandardCharsets.UTF_8)), null);

        assertThat(c.result().recordsRead()).isEqualTo(3);
        assertThat(c.result().recordsWritten()).isEqualTo(2);
        assertThat(c.result().skipped()).containsExactly(new SkippedRecord(3, "'conversations' is missing or empty"));
        assertThat(c.jsonl()).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"}]}\n"
                + "{\"messages\":[{\"role\":\"user\",\"content\":\"c\"},{\"role\":\"assistant\",\"content\":\"d\"}]}\n");
    }

    @Test
    void hhRlhfTranscriptsBecomePreferencePairsSharingThePrompt() {
        Converted c = convert("""
                {"chosen": "\\n\\nHuman: Hi\\n\\nAssistant: Hello!\\n\\nHuman: Tell me a joke\\n\\nAssistant: Why did the chicken cross the road?", "rejected": "\\n\\nHuman: Hi\\n\\nAssistant: Hello!\\n\\nHuman: Tell me a joke\\n\\nAssistant: No."}
                {"chosen": "\\n\\nHuman: A\\n\\nAssistant: same", "rejected": "\\n\\nHuman: A\\n\\nAssistant: same"}
                {"chosen": "\\n\\nHuman: A\\n\\nAssistant: x", "rejected": "\\n\\nHuman: B\\n\\nAssistant: y"}
                """);

        assertThat(c.result().sourceFormat()).isEqualTo(SourceFormat.CHOSEN_REJECTED);
        assertThat(c.result().outputKind()).isEqualTo(DatasetKind.PREFERENCE);
        assertThat(c.result().recordsWritten()).isEqualTo(1);
        assertThat(c.result().skipped()).containsExactly(
                new SkippedRecord(2, "the chosen and rejected replies are identical"),
                new SkippedRecord(3, "chosen and rejected differ at turn 1 of 2, before the final reply"));
        JsonNode pair = c.line(0);
        assertThat(pair.get("input").get("messages")).extracting(m -> m.get("role").asText() + ":" + m.get("content").asText())
                .containsExactly("user:Hi", "assistant:Hello!", "user:Tell me a joke");
        assertThat(pair.get("preferred_output").get(0).get("content").asText()).isEqualTo("Why did the chicken cross the road?");
        assertThat(pair.get("non_preferred_output").get(0).get("content").asText()).isEqualTo("No.");
        assertThat(c.formatErrors()).isEmpty();
        assertThat(c.report().datasetKind()).isEqualTo(DatasetKind.PREFERENCE);
    }

    @Test
    void chosenRejectedConversationsAndPromptChosenRejectedBecomePreferencePairs() {
        Converted conversations = convert("{\"chosen\": {\"messages\": [{\"role\": \"user\", \"content\": \"Refund?\"}, "
                + "{\"role\": \"assistant\", \"content\": \"Sure, done.\"}]}, \"rejected\": {\"messages\": [{\"role\": \"user\", "
                + "\"content\": \"Refund?\"}, {\"role\": \"assistant\", \"content\": \"No.\"}]}}\n");
        assertThat(conversations.result().recordsWritten()).isEqualTo(1);
        assertThat(conversations.line(0).toString()).isEqualTo("{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"Refund?\"}]},"
                + "\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"Sure, done.\"}],"
                + "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"No.\"}]}");
        assertThat(conversations.formatErrors()).isEmpty();

        Converted trl = convert("""
                {"prompt": "Capital of France?", "chosen": "Paris.", "rejected": "Lyon."}
                {"prompt": [{"role": "user", "content": "2+2?"}], "chosen": [{"role": "assistant", "content": "4"}], "rejected": [{"role": "assistant", "content": "5"}]}
                """);
        assertThat(trl.result().recordsWritten()).isEqualTo(2);
        assertThat(trl.line(0).get("preferred_output").get(0).get("content").asText()).isEqualTo("Paris.");
        assertThat(trl.line(1).get("input").get("messages").get(0).get("content").asText()).isEqualTo("2+2?");
        assertThat(trl.mapped("prompt", "input.messages[] user content")).isEqualTo(1);
        assertThat(trl.mapped("prompt[] (messages)", "input.messages[]")).isEqualTo(1);
        assertThat(trl.formatErrors()).isEmpty();
    }

    @Test
    void promptCompletionAndQuestionAnswerBecomeChat() {
        Converted pc = convert("""
                {"prompt": "Summarize: cats sleep a lot.", "completion": "Cats sleep much."}
                {"prompt": "Only a prompt"}
                """);
        assertThat(pc.result().sourceFormat()).isEqualTo(SourceFormat.PROMPT_COMPLETION);
        assertThat(pc.result().skipped()).containsExactly(new SkippedRecord(2, "missing 'completion'"));
        assertThat(pc.line(0).get("messages")).extracting(m -> m.get("role").asText()).containsExactly("user", "assistant");
        assertThat(pc.formatErrors()).isEmpty();

        Converted qa = convert("{\"question\": \"What is 6*7?\", \"answer\": \"6*7 = 42\\n#### 42\"}\n");
        assertThat(qa.result().sourceFormat()).isEqualTo(SourceFormat.QUESTION_ANSWER);
        assertThat(qa.line(0).get("messages").get(1).get("content").asText()).isEqualTo("6*7 = 42\n#### 42");
        assertThat(qa.mapped("question", "user content")).isEqualTo(1);
        assertThat(qa.formatErrors()).isEmpty();
    }

    @Test
    void anExplicitFormatSkipsRecordsOfAnotherShape() {
        Converted c = convert("{\"question\": \"q\", \"answer\": \"a\"}\n{\"instruction\": \"i\", \"output\": \"o\"}\n"
                .getBytes(StandardCharsets.UTF_8), SourceFormat.ALPACA);
        assertThat(c.result().sourceFormat()).isEqualTo(SourceFormat.ALPACA);
        assertThat(c.result().recordsWritten()).isEqualTo(1);
        assertThat(c.result().skipped()).containsExactly(new SkippedRecord(1, "missing 'output'"));
    }

    @Test
    void filesThatAreNotConvertibleAreRefusedAsAWhole() {
        assertThatThrownBy(() -> convert(Datasets.distinctChats(2)))
                .isInstanceOf(ImportException.class).hasMessageContaining("already OpenAI chat format");
        assertThatThrownBy(() -> convert("{\"text\": \"Once upon a time\"}\n"))
                .isInstanceOf(ImportException.class).hasMessageContaining("raw text");
        assertThatThrownBy(() -> convert("{\"foo\": 1}\n"))
                .isInstanceOf(ImportException.class).hasMessageContaining("no record is in a convertible format").hasMessageContaining("foo");
        assertThatThrownBy(() -> convert("   \n"))
                .isInstanceOf(ImportException.class).hasMessageContaining("empty");
        assertThat(SourceFormat.parse("ShareGPT")).isEqualTo(SourceFormat.SHAREGPT);
        assertThat(SourceFormat.parse("auto")).isNull();
        assertThatThrownBy(() -> SourceFormat.parse("csv")).hasMessageContaining("alpaca");
    }

    @Test
    void theValidatorsHintForAForeignFormatPointsAtTheImporter() {
        ValidationReport r = Datasets.validate("{\"instruction\": \"i\", \"input\": \"\", \"output\": \"o\"}\n");
        FindingTally unsupported = Datasets.tally(r, "unsupported_format").orElseThrow();
        assertThat(unsupported.examples().get(0).fixHint()).contains("dataset importer").contains("\"alpaca\"");
        assertThat(SourceFormat.parse("alpaca").id()).isEqualTo("alpaca");

        String array = "[\n  {\n    \"conversations\": [\n      {\"from\": \"human\", \"value\": \"hi\"},\n"
                + "      {\"from\": \"gpt\", \"value\": \"hello\"}\n    ]\n  }\n]\n";
        FindingTally pretty = Datasets.tally(Datasets.validate(array), "pretty_printed_json").orElseThrow();
        assertThat(pretty.examples().get(0).fixHint()).startsWith("convert it with the dataset importer (source format \"sharegpt\"), "
                + "which reads the JSON array as it is");
        assertThat(convert(array).result().recordsWritten()).as("the hint works as written").isEqualTo(1);
    }
}
