package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.format.FormatSniffer;
import io.tuneforge.dataset.validation.format.ForeignFormat;
import io.tuneforge.dataset.validation.format.InvalidJsonException;
import io.tuneforge.dataset.validation.format.JsonLineParser;
import io.tuneforge.dataset.validation.imports.ImportResult.FieldMapping;
import io.tuneforge.dataset.validation.imports.ImportResult.SkippedRecord;
import io.tuneforge.dataset.validation.input.DatasetInput;
import io.tuneforge.dataset.validation.input.JsonlLineReader;
import io.tuneforge.dataset.validation.input.RawLine;
import io.tuneforge.dataset.validation.input.Utf8Text;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts datasets in other tools' formats to OpenAI fine-tuning JSONL in one streaming pass: Alpaca, ShareGPT and
 * prompt/completion (question/answer) become supervised chat examples, chosen/rejected pairs become preference (DPO)
 * examples, Bedrock Claude becomes chat. The input may be plain or gzip, JSONL or one JSON array (ShareGPT files are
 * often arrays); each record is held in memory on its own, so the file size does not matter.
 *
 * <p>A record that cannot be converted is skipped and reported with its line and the reason; the rest still convert.
 * The output is one compact JSON object per line, each ending with a newline, ready for {@code DatasetValidator}.
 * Thread-safe.
 */
public final class DatasetImporter {

    /** Skipped records listed in the result (all are counted). */
    public static final int SKIPPED_DETAIL_LIMIT = 100;
    private static final int PEEK_BYTES = 64 * 1024;

    private final int maxLineBytes;
    private final JsonLineParser lines;
    private final JsonFactory factory;
    private final ObjectMapper mapper;

    public DatasetImporter() {
        this(ValidationOptions.DEFAULT_MAX_LINE_BYTES);
    }

    public DatasetImporter(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.lines = new JsonLineParser(maxLineBytes);
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Math.max(maxLineBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                        .maxNestingDepth(1_000)
                        .build())
                .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    /** Detects the source format from the first recognisable record. */
    public ImportResult convert(InputStream in, OutputStream out) throws IOException {
        return convert(in, out, null);
    }

    /**
     * Reads {@code in} to its end and writes the converted JSONL to {@code out} (neither is closed).
     *
     * @param format the source format, or null to detect it from the first recognisable record
     * @throws ImportException when the file holds no record in a convertible format (e.g. it is already OpenAI JSONL)
     * @throws io.tuneforge.dataset.validation.input.CompressedInputCorruptException for a truncated or corrupt gzip stream
     */
    public ImportResult convert(InputStream in, OutputStream out, SourceFormat format) throws IOException {
        DatasetInput input = DatasetInput.open(in);
        BufferedInputStream content = new BufferedInputStream(input.content(), PEEK_BYTES);
        Run run = new Run(format, out);
        int first = firstSignificantByte(content);
        if (first < 0) {
            throw new ImportException("the file is empty: there is nothing to import");
        }
        if (first == '[') {
            readArray(content, run);
        } else {
            readLines(content, run);
        }
        return run.finish();
    }

    private void readLines(InputStream content, Run run) throws IOException {
        JsonlLineReader reader = new JsonlLineReader(content, maxLineBytes);
        for (RawLine line = reader.next(); line != null; line = reader.next()) {
            byte[] b = line.bytes();
            int start = line.startsWithBom() ? 3 : 0;
            if (!line.overLong() && Utf8Text.isBlank(b, start, b.length)) {
                continue;
            }
            run.read++;
            if (line.overLong()) {
                run.skip(line.number(), "line is " + line.byteLength() + " bytes, over the limit of " + maxLineBytes);
                continue;
            }
            int invalid = Utf8Text.firstInvalidByte(b, start, b.length);
            if (invalid >= 0) {
                run.skip(line.number(), "invalid UTF-8 at byte " + (invalid + 1));
                continue;
            }
            JsonNode node;
            try {
                node = lines.parse(b, start, b.length - start);
            } catch (InvalidJsonException e) {
                run.skip(line.number(), "not valid JSON: " + e.getMessage() + (e.column() > 0 ? " (column " + e.column() + ")" : ""));
                continue;
            }
            run.record(line.number(), node);
        }
    }

    /** A JSON array of records: one element in memory at a time; a syntax error ends the array (nothing after it can be located). */
    private void readArray(InputStream content, Run run) throws IOException {
        try (JsonParser p = factory.createParser(content)) {
            long line = 1;
            try {
                p.nextToken(); // START_ARRAY
                for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    line = p.currentTokenLocation().getLineNr();
                    run.read++;
                    JsonNode node = mapper.readTree(p);
                    run.record(line, node);
                }
            } catch (JsonProcessingException e) {
                long at = e.getLocation() != null ? e.getLocation().getLineNr() : line;
                run.read++;
                run.skip(at, "not valid JSON: " + e.getOriginalMessage() + "; the rest of the array could not be read");
            }
        }
    }

    private static int firstSignificantByte(BufferedInputStream in) throws IOException {
        in.mark(PEEK_BYTES);
        try {
            for (int i = 0; i < PEEK_BYTES; i++) {
                int b = in.read();
                if (b < 0) {
                    return i == 0 ? -1 : ' ';
                }
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return b;
                }
            }
            return ' ';
        } finally {
            in.reset();
        }
    }

    /** One import: the detected format, the writer, and the tallies. */
    private final class Run {
        private SourceFormat format;
        private RecordConverter converter;
        private final OutputStream out;
        private final JsonGenerator json;
        private final Map<String, FieldMapping> mappings = new LinkedHashMap<>();
        private final List<SkippedRecord> skipped = new ArrayList<>();
        private String firstUnrecognised;
        long read;
        long written;
        long skippedCount;

        Run(SourceFormat format, OutputStream out) throws IOException {
            this.format = format;
            this.converter = format == null ? null : RecordConverter.of(format);
            this.out = out;
            this.json = factory.createGenerator(out);
            json.setRootValueSeparator(null); // each record ends with its own newline instead of Jackson's space
        }

        void record(long line, JsonNode node) throws IOException {
            if (!node.isObject()) {
                skip(line, "the record is " + Conversion.describe(node) + ", not a JSON object");
                return;
            }
            if (converter == null && !detect(line, node)) {
                return;
            }
            Conversion c = new Conversion();
            ObjectNode converted;
            try {
                converted = converter.convert(node, c);
            } catch (SkipRecord e) {
                skip(line, e.getMessage());
                return;
            }
            mapper.writeTree(json, converted);
            json.writeRaw('\n');
            written++;
            for (String[] m : c.used) {
                mappings.merge(m[0] + '\u0000' + m[1], new FieldMapping(m[0], m[1], 1),
                        (a, b) -> new FieldMapping(a.from(), a.to(), a.count() + 1));
            }
        }

        /** Fixes the format from the first record that shows one; records before it are skipped. */
        private boolean detect(long line, JsonNode node) {
            ForeignFormat foreign = FormatSniffer.detect(node);
            SourceFormat detected = SourceFormat.of(foreign);
            if (detected == null) {
                if (foreign != null) {
                    throw new ImportException("line " + line + " is " + foreign.label() + ", which cannot be converted to training "
                            + "examples: " + foreign.conversion());
                }
                if (node.has("messages") || node.has("preferred_output")) {
                    throw new ImportException("line " + line + " is already OpenAI " + (node.has("messages") ? "chat" : "preference")
                            + " format: validate and upload the file as it is");
                }
                if (firstUnrecognised == null) {
                    firstUnrecognised = "line " + line + " (keys: " + String.join(", ", (Iterable<String>) node::fieldNames) + ")";
                }
                skip(line, "not in a convertible format");
                return false;
            }
            format = detected;
            converter = RecordConverter.of(detected);
            return true;
        }

        void skip(long line, String reason) {
            skippedCount++;
            if (skipped.size() < SKIPPED_DETAIL_LIMIT) {
                skipped.add(new SkippedRecord(line, reason));
            }
        }

        ImportResult finish() throws IOException {
            json.flush();
            out.flush();
            if (format == null) {
                throw new ImportException(firstUnrecognised != null
                        ? "no record is in a convertible format (Alpaca, ShareGPT, chosen/rejected, prompt/completion, "
                        + "question/answer, Bedrock Claude); first record: " + firstUnrecognised
                        : "no record could be read: " + (skipped.isEmpty() ? "the file is empty or holds only blank lines" : "line "
                        + skipped.get(0).line() + ": " + skipped.get(0).reason()));
            }
            return new ImportResult(format, format.output(), read, written, skippedCount, List.copyOf(mappings.values()),
                    List.copyOf(skipped));
        }
    }
}
