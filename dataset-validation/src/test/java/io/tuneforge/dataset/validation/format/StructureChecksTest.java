package io.tuneforge.dataset.validation.format;

import static io.tuneforge.dataset.validation.Datasets.count;
import static io.tuneforge.dataset.validation.Datasets.distinctChats;
import static io.tuneforge.dataset.validation.Datasets.findings;
import static io.tuneforge.dataset.validation.Datasets.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.dataset.validation.report.Verdict;
import org.junit.jupiter.api.Test;

class StructureChecksTest {

    /** Ten valid examples first, so only the line under test produces structure findings. */
    private static ValidationReport withLine(String line) {
        return validate(distinctChats(60) + line + "\n");
    }

    private static Finding only(ValidationReport r, String code) {
        assertThat(findings(r, code)).as(code + " in " + r.describe()).hasSize(1);
        return findings(r, code).get(0);
    }

    @Test
    void notAnObjectIsDataType() {
        Finding f = only(withLine("[1, 2]"), "data_type");
        assertThat(f.line()).isEqualTo(61);
        assertThat(f.message()).isEqualTo("line is an array, not a JSON object");
    }

    @Test
    void missingOrEmptyMessagesList() {
        assertThat(only(withLine("{\"messages\": []}"), "missing_messages_list").message()).contains("an empty array");
        assertThat(only(withLine("{\"messages\": \"hi\"}"), "missing_messages_list").message()).contains("a string");
        assertThat(only(withLine("{\"conversation\": 1}"), "missing_messages_list").message()).contains("keys: conversation");
    }

    @Test
    void messageMissingKeyNamesTheRoleAndKey() {
        ValidationReport r = withLine("{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\"}]}");
        Finding f = only(r, "message_missing_key");
        assertThat(f.path()).isEqualTo("messages[1]");
        assertThat(f.describe()).isEqualTo("line 61 messages[1]: assistant message missing 'content' — give every message a \"role\" and a \"content\"");
        assertThat(only(withLine("{\"messages\": [{\"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}"),
                "message_missing_key").message()).isEqualTo("message missing 'role'");
    }

    @Test
    void unrecognizedKeyAndRole() {
        ValidationReport r = withLine("{\"messages\": [{\"role\": \"bot\", \"content\": \"q\", \"extra\": 1}, {\"role\": \"assistant\", \"content\": \"a\"}]}");
        assertThat(only(r, "unrecognized_role").message()).isEqualTo("unrecognized role 'bot'");
        assertThat(only(r, "message_unrecognized_key").path()).isEqualTo("messages[0].extra");
    }

    @Test
    void missingContent() {
        assertThat(only(withLine("{\"messages\": [{\"role\": \"user\", \"content\": \"\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}"),
                "missing_content").message()).isEqualTo("user message has empty content");
        assertThat(only(withLine("{\"messages\": [{\"role\": \"user\", \"content\": 5}, {\"role\": \"assistant\", \"content\": \"a\"}]}"),
                "missing_content").message()).contains("a number");
    }

    @Test
    void exampleWithoutAssistantOrUser() {
        assertThat(only(withLine("{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}]}"), "example_missing_assistant_message")
                .severity().name()).isEqualTo("ERROR");
        assertThat(only(withLine("{\"messages\": [{\"role\": \"system\", \"content\": \"s\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}"),
                "example_missing_user_message").severity().name()).isEqualTo("WARNING");
    }

    @Test
    void weightMustBeZeroOrOneOnAssistant() {
        ValidationReport ok = withLine("{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"a\", \"weight\": 0},"
                + " {\"role\": \"user\", \"content\": \"q2\"}, {\"role\": \"assistant\", \"content\": \"a2\", \"weight\": 1}]}");
        assertThat(count(ok, "invalid_weight")).isZero();
        ValidationReport bad = withLine("{\"messages\": [{\"role\": \"user\", \"content\": \"q\", \"weight\": 1}, {\"role\": \"assistant\", \"content\": \"a\", \"weight\": 0.5}]}");
        assertThat(findings(bad, "invalid_weight")).extracting(Finding::path).containsExactly("messages[0].weight", "messages[1].weight");
    }

    @Test
    void toolCallsAreMatchedToToolMessagesById() {
        String tools = "\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"parameters\": {}}}]";
        ValidationReport ok = withLine("{" + tools + ", \"messages\": [{\"role\": \"system\", \"content\": \"You are a helpful assistant.\"}, {\"role\": \"user\", \"content\": \"weather?\"},"
                + " {\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"c1\", \"type\": \"function\", \"function\": {\"name\": \"get_weather\", \"arguments\": \"{\\\"city\\\": \\\"Oslo\\\"}\"}}]},"
                + " {\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": \"5C\"}, {\"role\": \"assistant\", \"content\": \"It is 5C.\"}]}");
        assertThat(ok.findings()).isEmpty();

        ValidationReport unmatched = withLine("{" + tools + ", \"messages\": [{\"role\": \"system\", \"content\": \"You are a helpful assistant.\"}, {\"role\": \"user\", \"content\": \"weather?\"},"
                + " {\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"c1\", \"type\": \"function\", \"function\": {\"name\": \"get_wether\", \"arguments\": \"{oops\"}}]},"
                + " {\"role\": \"tool\", \"tool_call_id\": \"c2\", \"content\": \"5C\"}, {\"role\": \"assistant\", \"content\": \"It is 5C.\"}]}");
        assertThat(only(unmatched, "unmatched_tool_message").message()).contains("'c2'");
        assertThat(only(unmatched, "unanswered_tool_call").message()).contains("'c1'");
        assertThat(only(unmatched, "undeclared_tool").message()).contains("'get_wether'");
        assertThat(only(unmatched, "tool_call_arguments_not_json").path()).isEqualTo("messages[2].tool_calls[0].function.arguments");
    }

    @Test
    void finalAssistantToolCallMayStayUnanswered() {
        ValidationReport r = withLine("{\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\"}}], \"messages\": [{\"role\": \"system\", \"content\": \"You are a helpful assistant.\"}, {\"role\": \"user\", \"content\": \"go\"},"
                + " {\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"c1\", \"type\": \"function\", \"function\": {\"name\": \"f\", \"arguments\": \"{}\"}}]}]}");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void visionPartsFollowOpenAiLimits() {
        String big = "A".repeat(14_500_000);
        ValidationReport r = withLine("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"what is this?\"},"
                + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/gif;base64,R0lGOD\"}},"
                + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"http://example.com/x.png\"}},"
                + " {\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64," + big + "\"}},"
                + " {\"type\": \"input_audio\"}]},"
                + " {\"role\": \"assistant\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.com/y.png\"}}]}]}");
        assertThat(findings(r, "invalid_image")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("'gif'"))
                .anySatisfy(m -> assertThat(m).contains("https"));
        assertThat(only(r, "image_too_large").path()).isEqualTo("messages[0].content[3].image_url.url");
        assertThat(only(r, "invalid_content_part").message()).contains("'input_audio'");
        assertThat(only(r, "image_outside_user_message").path()).isEqualTo("messages[1].content[0]");
    }

    @Test
    void tooManyImages() {
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            parts.append(i == 0 ? "" : ", ").append("{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.com/").append(i).append(".png\"}}");
        }
        ValidationReport r = withLine("{\"messages\": [{\"role\": \"user\", \"content\": [" + parts + "]}, {\"role\": \"assistant\", \"content\": \"ok\"}]}");
        assertThat(only(r, "too_many_images").message()).contains("65 images");
    }

    @Test
    void preferenceExamplesAndTheBareListShorthand() {
        StringBuilder dpo = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            dpo.append("{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"Say hi number ").append(i).append("\"}]},"
                    + " \"preferred_output\": [{\"role\": \"assistant\", \"content\": \"Hi there, friend ").append(i).append("!\"}],"
                    + " \"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"Go away ").append(i).append(".\"}]}\n");
        }
        ValidationReport ok = validate(dpo.toString());
        assertThat(ok.findings()).isEmpty();
        assertThat(ok.datasetKind()).isEqualTo(DatasetKind.PREFERENCE);

        ValidationReport shorthand = validate(dpo + "{\"input\": [{\"role\": \"user\", \"content\": \"x\"}], \"preferred_output\": [{\"role\": \"assistant\", \"content\": \"a\"}],"
                + " \"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"b\"}]}\n");
        assertThat(only(shorthand, "dpo_input_shorthand").severity().name()).isEqualTo("WARNING");
        assertThat(shorthand.verdict()).isEqualTo(Verdict.PASSED_WITH_WARNINGS);

        ValidationReport bad = validate(dpo + "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}, \"preferred_output\": {\"role\": \"assistant\", \"content\": \"a\"}}\n"
                + "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"y\"}]}, \"preferred_output\": [{\"role\": \"assistant\", \"content\": \"a\"}],"
                + " \"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"a\"}]}\n");
        assertThat(only(bad, "dpo_invalid_output").path()).isEqualTo("preferred_output");
        assertThat(only(bad, "dpo_missing_key").path()).isEqualTo("non_preferred_output");
        assertThat(only(bad, "dpo_identical_outputs").line()).isEqualTo(62);
    }

    @Test
    void mixingSupervisedAndPreferenceIsAnError() {
        ValidationReport r = validate(distinctChats(30) + "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]},"
                + " \"preferred_output\": [{\"role\": \"assistant\", \"content\": \"a\"}], \"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"b\"}]}\n");
        assertThat(count(r, "mixed_dataset_kinds")).isEqualTo(1);
    }

    @Test
    void foreignFormatsAreNamedWithAConversion() {
        assertForeign("{\"question\": \"1+1?\", \"answer\": \"2\"}", "question/answer", "question");
        assertForeign("{\"chosen\": \"\\n\\nHuman: hi\\n\\nAssistant: hello\", \"rejected\": \"\\n\\nHuman: hi\\n\\nAssistant: no\"}", "HH-RLHF", "preferred_output");
        assertForeign("{\"chosen\": {\"messages\": []}, \"rejected\": {\"messages\": []}}", "chosen/rejected conversations", "non_preferred_output");
        assertForeign("{\"instruction\": \"do\", \"input\": \"\", \"output\": \"done\"}", "Alpaca", "instruction");
        assertForeign("{\"prompt\": \"p\", \"completion\": \"c\"}", "prompt/completion", "completion");
        assertForeign("{\"conversations\": [{\"from\": \"human\", \"value\": \"hi\"}]}", "ShareGPT", "human->user");
        assertForeign("{\"system\": \"be nice\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"hello\"}]}",
                "Bedrock", "first message");
    }

    private static void assertForeign(String line, String label, String hint) {
        ValidationReport r = validate((line + "\n").repeat(12));
        Finding file = findings(r, "foreign_format").get(0);
        assertThat(file.message()).contains("12 of 12").contains(label);
        assertThat(file.fixHint()).contains(hint);
        assertThat(r.detectedFormat()).contains(label);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(count(r, "unsupported_format")).isEqualTo(12);
    }
}
