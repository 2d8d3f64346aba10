package io.tuneforge.dataset.validation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tuneforge.dataset.validation.Datasets;
import io.tuneforge.dataset.validation.DatasetValidator;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.imports.ImportResult.SkippedRecord;
import io.tuneforge.dataset.validation.report.FindingTally;
import io.tuneforge.dataset.validation.report.Severity;
import io.tuneforge.dataset.validation.report.ValidationReport;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each converter on the real files of ../shared/data: the output is OpenAI JSONL the validator accepts. */
class SharedDataImportTest {

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("fastchat_sharegpt_dummy_conversation.json", SourceFormat.SHAREGPT, 500, List.of()),
                Arguments.of("llamafactory_glaive_toolcall_sharegpt.json", SourceFormat.SHAREGPT, 300, List.of()),
                Arguments.of("gsm8k_train_raw.jsonl", SourceFormat.QUESTION_ANSWER, 7473, List.of()),
                Arguments.of("fireworks_support_tone_pref.jsonl", SourceFormat.CHOSEN_REJECTED, 32, List.of()),
                Arguments.of("anthropic_json_mode_bedrock.jsonl", SourceFormat.BEDROCK_CLAUDE, 500, List.of()),
                // HH-RLHF has real defects: four empty chosen replies, five pairs whose transcripts differ in length.
                Arguments.of("hh_rlhf_harmless_base_test.jsonl", SourceFormat.CHOSEN_REJECTED, 2303,
                        List.of(87L, 517L, 926L, 1104L, 1255L, 1689L, 1951L, 1953L, 2037L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void convertsTheRealFileIntoJsonlTheValidatorAccepts(String file, SourceFormat format, long written, List<Long> skippedLines,
                                                       @TempDir Path tmp) throws Exception {
        Optional<Path> source = Datasets.shared("data/" + file);
        assumeTrue(source.isPresent(), "../shared/data/" + file + " is not present");
        Path out = tmp.resolve("converted.jsonl");
        ImportResult result;
        try (InputStream in = Files.newInputStream(source.get()); OutputStream o = new BufferedOutputStream(Files.newOutputStream(out))) {
            result = new DatasetImporter().convert(in, o);
        }

        assertThat(result.sourceFormat()).as(result.describe()).isEqualTo(format);
        assertThat(result.recordsWritten()).as(result.describe()).isEqualTo(written);
        assertThat(result.skipped()).extracting(SkippedRecord::line).as(result.describe()).containsExactlyElementsOf(skippedLines);
        assertThat(result.recordsRead()).isEqualTo(written + skippedLines.size());
        assertThat(result.mappings()).as("every record shows where its fields went").isNotEmpty();

        ValidationReport report = new DatasetValidator(ValidationOptions.defaults()).validate(out);
        assertThat(report.datasetKind()).isEqualTo(format.output());
        assertThat(report.findings()).filteredOn(t -> t.severity() == Severity.ERROR).extracting(FindingTally::code)
                .as(report.describe()).isEmpty();
        assertThat(report.input().examples()).isEqualTo(written);
    }
}
