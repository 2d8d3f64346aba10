package io.tuneforge.dataset.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tuneforge.dataset.validation.format.DatasetKind;
import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.FindingTally;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.dataset.validation.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in ../shared/data gets the right verdict, and the known defects are found where they are. */
class SharedDatasetVerdictsTest {

    record Expected(Verdict verdict, DatasetKind kind, String formatContains, List<String> codes) {
    }

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("anthropic_json_mode_bedrock.jsonl", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "Bedrock", List.of("foreign_format", "unsupported_format"))),
            Map.entry("cookbook_01_testing_example_malformed.jsonl", new Expected(Verdict.FAILED, DatasetKind.UNKNOWN, "pretty-printed JSON",
                    List.of("pretty_printed_json", "invalid_json", "missing_final_newline"))),
            Map.entry("cookbook_apps_finetune_sql_uploaded_output.jsonl", new Expected(Verdict.PASSED_WITH_WARNINGS, DatasetKind.CHAT, "OpenAI chat",
                    List.of("near_duplicate", "few_examples"))),
            Map.entry("cookbook_drone_training.jsonl", new Expected(Verdict.PASSED, DatasetKind.CHAT, "OpenAI chat", List.of())),
            Map.entry("cookbook_toy_chat_fine_tuning.jsonl", new Expected(Verdict.FAILED, DatasetKind.CHAT, "OpenAI chat",
                    List.of("too_few_examples", "example_missing_user_message", "example_over_4k_tokens"))),
            Map.entry("fastchat_sharegpt_dummy_conversation.json", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "ShareGPT", List.of("pretty_printed_json"))),
            Map.entry("fireworks_food_reasoning_vision_b64.jsonl", new Expected(Verdict.PASSED, DatasetKind.CHAT, "OpenAI chat", List.of())),
            Map.entry("fireworks_support_tone_pref.jsonl", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "chosen/rejected", List.of("foreign_format"))),
            Map.entry("fireworks_text2sql_sft.jsonl", new Expected(Verdict.PASSED, DatasetKind.CHAT, "OpenAI chat", List.of())),
            Map.entry("gsm8k_train_raw.jsonl", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "question/answer", List.of("foreign_format"))),
            Map.entry("hh_rlhf_harmless_base_test.jsonl", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "HH-RLHF", List.of("foreign_format"))),
            Map.entry("llamafactory_glaive_toolcall_sharegpt.json", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "ShareGPT", List.of("pretty_printed_json"))),
            Map.entry("msft_cnn_dailymail_sft_validation.jsonl", new Expected(Verdict.PASSED_WITH_WARNINGS, DatasetKind.CHAT, "OpenAI chat",
                    List.of("pii_phone", "pii_email"))),
            Map.entry("msft_countdown_grader_config.json", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "grader", List.of("pretty_printed_json"))),
            Map.entry("msft_countdown_response_schema.json", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "JSON schema", List.of("pretty_printed_json"))),
            Map.entry("msft_countdown_rft_train_100.jsonl", new Expected(Verdict.FAILED, DatasetKind.CHAT, "OpenAI chat",
                    List.of("no_assistant_replies", "example_missing_assistant_message"))),
            Map.entry("msft_gsm8k_chat_train.jsonl", new Expected(Verdict.PASSED, DatasetKind.CHAT, "OpenAI chat", List.of())),
            Map.entry("msft_medmcq_rft_validation.jsonl", new Expected(Verdict.FAILED, DatasetKind.CHAT, "OpenAI chat",
                    List.of("no_assistant_replies", "missing_final_newline"))),
            Map.entry("msft_medmcq_stringcheck_grader.json", new Expected(Verdict.FAILED, DatasetKind.FOREIGN, "grader", List.of("pretty_printed_json"))),
            Map.entry("msft_orca_dpo_validation.jsonl", new Expected(Verdict.PASSED_WITH_WARNINGS, DatasetKind.PREFERENCE, "preference",
                    List.of("missing_final_newline"))),
            Map.entry("msft_stock_toolcall_train.jsonl", new Expected(Verdict.PASSED_WITH_WARNINGS, DatasetKind.CHAT, "OpenAI chat",
                    List.of("refusals_overrepresented"))),
            Map.entry("msft_zava_retail_sft.jsonl", new Expected(Verdict.PASSED_WITH_WARNINGS, DatasetKind.CHAT, "OpenAI chat",
                    List.of("example_over_4k_tokens"))));

    static Stream<Arguments> sharedFiles() throws Exception {
        Optional<Path> data = Datasets.shared("data");
        if (data.isEmpty()) {
            return Stream.of(Arguments.of("(../shared/data absent)"));
        }
        try (Stream<Path> files = Files.list(data.get())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).sorted().map(Arguments::of).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedFiles")
    void verdict(String name) throws Exception {
        Optional<Path> file = Datasets.shared("data/" + name);
        assumeTrue(file.isPresent(), "../shared/data not available");
        Expected expected = EXPECTED.get(name);
        assertThat(expected).as("an expectation for every shared file: add one for " + name).isNotNull();

        ValidationReport r = new DatasetValidator(ValidationOptions.defaults()).validate(file.get());

        assertThat(r.verdict()).as(r.describe()).isEqualTo(expected.verdict());
        assertThat(r.datasetKind()).as(r.describe()).isEqualTo(expected.kind());
        assertThat(r.detectedFormat()).contains(expected.formatContains());
        assertThat(r.findings()).extracting(FindingTally::code).as(r.describe()).containsAll(expected.codes());
        long physicalLines = Files.readAllLines(file.get()).size();
        assertThat(r.input().lines()).isEqualTo(physicalLines);
        assertThat(r.input().contentBytes()).isEqualTo(Files.size(file.get()));
        if (expected.verdict() == Verdict.FAILED) {
            FindingTally first = r.findings().get(0);
            assertThat(first.examples().get(0).describe()).as("the first finding explains the failure").isNotBlank();
        }
    }

    @Test
    void toyFileDefectsAreWhereTheReadmeSays() throws Exception {
        Optional<Path> toy = Datasets.shared("data/cookbook_toy_chat_fine_tuning.jsonl");
        assumeTrue(toy.isPresent());
        ValidationReport r = new DatasetValidator(ValidationOptions.defaults()).validate(toy.get());
        assertThat(Datasets.findings(r, "example_missing_user_message")).extracting(Finding::line).containsExactly(4L);
        assertThat(Datasets.findings(r, "example_over_4k_tokens")).extracting(Finding::line).containsExactly(5L);
    }

    @Test
    void sqlFileNearDuplicateAndOddSystemPrompt() throws Exception {
        Optional<Path> sql = Datasets.shared("data/cookbook_apps_finetune_sql_uploaded_output.jsonl");
        assumeTrue(sql.isPresent());
        ValidationReport r = new DatasetValidator(ValidationOptions.defaults()).validate(sql.get());
        assertThat(Datasets.findings(r, "near_duplicate")).extracting(Finding::message).containsExactly("nearly identical to line 1");
        assertThat(Datasets.findings(r, "system_prompt_inconsistent")).extracting(Finding::line).containsExactly(11L);
    }

    @Test
    void malformedCookbookFileIsExplainedAsPrettyPrintedChat() throws Exception {
        Optional<Path> bad = Datasets.shared("data/cookbook_01_testing_example_malformed.jsonl");
        assumeTrue(bad.isPresent());
        ValidationReport r = new DatasetValidator(ValidationOptions.defaults()).validate(bad.get());
        Finding first = r.findings().get(0).examples().get(0);
        assertThat(first.code()).isEqualTo("pretty_printed_json");
        assertThat(first.message()).contains("pretty-printed").contains("OpenAI chat examples");
        assertThat(first.fixHint()).contains("jq -c");
    }
}
