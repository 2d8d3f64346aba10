package io.tuneforge.dataset.validation.input;

import static io.tuneforge.dataset.validation.Datasets.chat;
import static io.tuneforge.dataset.validation.Datasets.count;
import static io.tuneforge.dataset.validation.Datasets.distinctChats;
import static io.tuneforge.dataset.validation.Datasets.findings;
import static io.tuneforge.dataset.validation.Datasets.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.tuneforge.dataset.validation.Datasets;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.dataset.validation.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntaxChecksTest {

    @Test
    void cleanFilePasses() {
        ValidationReport r = validate(distinctChats(60));
        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(r.input().examples()).isEqualTo(60);
        assertThat(r.input().chatExamples()).isEqualTo(60);
        assertThat(r.detectedFormat()).isEqualTo("OpenAI chat (supervised fine-tuning)");
    }

    @Test
    void emptyFileIsAnError() {
        ValidationReport r = validate("");
        assertThat(count(r, "empty_file")).isEqualTo(1);
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.cookbook().epochs()).isNull();
    }

    @Test
    void byteOrderMarkIsReportedAndTheLineStillChecked() {
        byte[] body = distinctChats(12).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ValidationReport r = validate(withBom, ValidationOptions.defaults());
        assertThat(findings(r, "utf8_bom")).singleElement().extracting(Finding::line).isEqualTo(1L);
        assertThat(r.input().examples()).isEqualTo(12);
        assertThat(r.cookbook().jsonParseErrors()).as("JSON.parse rejects the BOM in the reference").isEqualTo(1);
    }

    @Test
    void lineEndingsAreReportedPerLine() {
        String crlf = chat("a", "b") + "\r\n" + chat("c", "d") + "\r" + chat("e", "f") + "\n" + chat("g", "h");
        ValidationReport r = validate(crlf);
        assertThat(findings(r, "crlf_line_ending")).extracting(Finding::line).containsExactly(1L);
        assertThat(findings(r, "cr_line_ending")).extracting(Finding::line).containsExactly(2L);
        assertThat(findings(r, "missing_final_newline")).extracting(Finding::line).containsExactly(4L);
        assertThat(r.input().lines()).isEqualTo(4);
        assertThat(r.input().examples()).isEqualTo(4);
    }

    @Test
    void blankLinesAreCountedAndReported() {
        ValidationReport r = validate(chat("a", "b") + "\n\n   \n" + chat("c", "d") + "\n");
        assertThat(findings(r, "blank_line")).extracting(Finding::line).containsExactly(2L, 3L);
        assertThat(r.input().blankLines()).isEqualTo(2);
        assertThat(r.cookbook().blankLines()).isEqualTo(2);
    }

    @Test
    void invalidUtf8IsReportedWithItsPositionAndDecodedWithReplacement() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(distinctChats(11).getBytes(StandardCharsets.UTF_8));
        byte[] bad = chat("caf\u00e9", "ok").getBytes(StandardCharsets.UTF_8);
        int e = indexOf(bad, (byte) 0xC3);
        bad[e] = (byte) 0xE9; // Latin-1 é inside UTF-8
        out.writeBytes(bad);
        out.write('\n');
        ValidationReport r = validate(out.toByteArray(), ValidationOptions.defaults());
        Finding f = findings(r, "invalid_utf8").get(0);
        assertThat(f.line()).isEqualTo(12);
        assertThat(f.message()).contains("0xE9").contains("byte " + (e + 1));
        assertThat(r.input().examples()).isEqualTo(12);
    }

    @Test
    void invalidJsonSaysWhereAndWhy() {
        ValidationReport r = validate(distinctChats(10) + "{\"messages\": [}\n" + chat("a", "b") + " {}\n");
        assertThat(findings(r, "invalid_json")).extracting(Finding::line).containsExactly(11L, 12L);
        assertThat(findings(r, "invalid_json").get(0).message()).contains("column");
        assertThat(findings(r, "invalid_json").get(1).message()).contains("after the JSON value");
        assertThat(r.cookbook().jsonParseErrors()).isEqualTo(2);
    }

    @Test
    void prettyPrintedJsonIsRecognisedAsSuch() {
        String pretty = "{\n  \"messages\": [\n    {\n      \"role\": \"user\",\n      \"content\": \"hi\"\n    }\n  ]\n}\n";
        ValidationReport r = validate(pretty + pretty);
        Finding file = findings(r, "pretty_printed_json").get(0);
        assertThat(file.line()).isZero();
        assertThat(file.message()).contains("pretty-printed").contains("OpenAI chat examples");
        assertThat(file.fixHint()).contains("jq -c");
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void jsonArrayOfShareGptIsNamed() {
        String array = "[\n  {\n    \"conversations\": [\n      {\"from\": \"human\", \"value\": \"hi\"},\n"
                + "      {\"from\": \"gpt\", \"value\": \"hello\"}\n    ]\n  }\n]\n";
        ValidationReport r = validate(array);
        Finding file = findings(r, "pretty_printed_json").get(0);
        assertThat(file.message()).contains("a JSON array").contains("ShareGPT");
        assertThat(file.fixHint()).contains("human->user");
        assertThat(r.detectedFormat()).startsWith("ShareGPT");
    }

    @Test
    void overLongLineIsReportedWithoutBeingHeld() {
        String longLine = chat("x".repeat(5000), "y");
        ValidationReport r = validate(distinctChats(10) + longLine + "\n" + chat("a", "b") + "\n",
                ValidationOptions.defaults().withMaxLineBytes(1024));
        Finding f = findings(r, "line_too_long").get(0);
        assertThat(f.line()).isEqualTo(11);
        assertThat(f.message()).contains(longLine.length() + " bytes");
        assertThat(r.input().examples()).isEqualTo(11);
    }

    @Test
    void gzipIsDetectedByContent() {
        byte[] plain = distinctChats(20).getBytes(StandardCharsets.UTF_8);
        ValidationReport r = validate(Datasets.gzip(plain), ValidationOptions.defaults());
        assertThat(r.input().gzip()).isTrue();
        assertThat(r.input().examples()).isEqualTo(20);
        assertThat(r.input().contentBytes()).isEqualTo(plain.length);
        assertThat(r.findings()).extracting(t -> t.code()).containsOnly("few_examples");
    }

    @Test
    void truncatedGzipKeepsWhatWasReadAndSaysSo() {
        byte[] gz = Datasets.gzip(distinctChats(2000).getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        for (int parallelism : new int[] {1, 2}) {
            ValidationReport r = validate(truncated, ValidationOptions.defaults().withParallelism(parallelism));
            assertThat(findings(r, "compressed_input_corrupt")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("truncated"));
            assertThat(r.input().examples()).isBetween(100L, 1999L);
            assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        }
    }

    @Test
    void binaryFileIsCalledBinary() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 8, 0, (byte) 0x90, 0x12, 0, 0, 0, '\n', 1, 2, 0, (byte) 0xff};
        ValidationReport r = validate(zip, ValidationOptions.defaults());
        assertThat(findings(r, "binary_content")).isNotEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void hostileLinesGetFindingsNotCrashes() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String rawNul = "{\"messages\": [{\"role\": \"user\", \"content\": \"a" + (char) 0 + "b\"}]}"; // unescaped control char
        ValidationReport r = validate(distinctChats(10) + deep + "\n" + rawNul + "\n" + "\"just a string\"\n" + "{\"messages\": null}\n");
        assertThat(findings(r, "invalid_json")).extracting(Finding::line).containsExactly(11L, 12L);
        assertThat(findings(r, "data_type")).extracting(Finding::line).contains(13L);
        assertThat(findings(r, "missing_messages_list")).extracting(Finding::line).contains(14L);
        assertThat(r.input().lines()).isEqualTo(14);
    }

    @Test
    void lineReaderSplitsLikeReadline() throws Exception {
        byte[] data = "a\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8);
        JsonlLineReader reader = new JsonlLineReader(new java.io.ByteArrayInputStream(data), 100);
        StringBuilder seen = new StringBuilder();
        for (RawLine l = reader.next(); l != null; l = reader.next()) {
            seen.append(new String(l.bytes(), StandardCharsets.UTF_8)).append('|').append(l.ending()).append(' ');
        }
        assertThat(seen.toString()).isEqualTo("a|CRLF b|CR c|LF |LF d|END_OF_FILE ");
    }

    @Test
    void crlfSplitAcrossReadsIsOneLineEnding() throws Exception {
        // A stream that returns one byte per read puts "\r" and "\n" in different reads.
        byte[] data = "x\r\ny\n".getBytes(StandardCharsets.UTF_8);
        java.io.InputStream slow = new java.io.ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
        JsonlLineReader reader = new JsonlLineReader(slow, 100);
        assertThat(reader.next().ending()).isEqualTo(LineEnding.CRLF);
        assertThat(new String(reader.next().bytes(), StandardCharsets.UTF_8)).isEqualTo("y");
        assertThat(reader.next()).isNull();
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
