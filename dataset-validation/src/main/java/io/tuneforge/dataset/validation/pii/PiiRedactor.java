package io.tuneforge.dataset.validation.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.format.InvalidJsonException;
import io.tuneforge.dataset.validation.format.JsonLineParser;
import io.tuneforge.dataset.validation.input.DatasetInput;
import io.tuneforge.dataset.validation.input.JsonlLineReader;
import io.tuneforge.dataset.validation.input.RawLine;
import io.tuneforge.dataset.validation.input.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a copy of a JSONL dataset (plain or gzip in, plain out) with every personal-data value and secret the
 * {@link PiiScanner} finds replaced by a typed placeholder ({@code [EMAIL]}, {@code [PHONE]}, {@code [CARD]},
 * {@code [IBAN]}, {@code [NATIONAL_ID]}, {@code [IP]}, {@code [SECRET]}).
 *
 * <p>Only message text is touched: the {@code content} string of every object with a {@code role} (chat messages,
 * DPO input and outputs), and the {@code text} of its content parts. Keys, roles, tool calls, names and the JSON
 * structure stay as they were, so each output line is valid JSON whenever its input line was. Lines without a hit
 * are copied byte for byte; changed lines are re-serialized compactly. A line that is not valid JSON cannot be
 * walked, so its whole text is redacted instead (it stays invalid, but does not leak); a line over the size limit
 * cannot be scanned and is left out. Both are counted. Lines end with {@code \n}. Thread-safe; one line in memory.
 */
public final class PiiRedactor {

    private final PiiScanner scanner;
    private final JsonLineParser json;
    private final ObjectMapper mapper = new ObjectMapper();
    private final int maxLineBytes;

    public PiiRedactor() {
        this(PiiScanner.DEFAULT_PHONE_REGION);
    }

    /** @param phoneRegion region for national phone numbers, as in {@link ValidationOptions#phoneRegion()} */
    public PiiRedactor(String phoneRegion) {
        this(new PiiScanner(phoneRegion), ValidationOptions.DEFAULT_MAX_LINE_BYTES);
    }

    public PiiRedactor(PiiScanner scanner, int maxLineBytes) {
        this.scanner = scanner;
        this.maxLineBytes = maxLineBytes;
        this.json = new JsonLineParser(maxLineBytes);
    }

    /** Reads {@code in} to its end and writes the redacted copy to {@code out}; closes neither. */
    public RedactionResult redact(InputStream in, OutputStream out) throws IOException {
        DatasetInput input = DatasetInput.open(in);
        JsonlLineReader reader = new JsonlLineReader(input.content(), maxLineBytes);
        Map<PiiKind, Long> counts = new EnumMap<>(PiiKind.class);
        for (PiiKind k : PiiKind.values()) {
            counts.put(k, 0L);
        }
        long lines = 0;
        long changed = 0;
        long unparsed = 0;
        long dropped = 0;
        for (RawLine line = reader.next(); line != null; line = reader.next()) {
            lines++;
            if (line.overLong()) {
                dropped++;
                continue;
            }
            byte[] b = line.bytes();
            int start = line.startsWithBom() ? 3 : 0;
            byte[] result = null;
            if (!Utf8Text.isBlank(b, start, b.length)) {
                Tally tally = new Tally(counts);
                try {
                    JsonNode node = json.parse(b, start, b.length - start);
                    walk(node, tally);
                    if (tally.hits > 0) {
                        result = mapper.writeValueAsBytes(node);
                    }
                } catch (InvalidJsonException e) {
                    unparsed++;
                    String text = Utf8Text.decodeReplacing(b, start, b.length);
                    String redacted = redact(text, tally);
                    if (tally.hits > 0) {
                        result = redacted.getBytes(StandardCharsets.UTF_8);
                    }
                }
                if (tally.hits > 0) {
                    changed++;
                }
            }
            if (result == null) {
                out.write(b, start, b.length - start);
            } else {
                out.write(result);
            }
            out.write('\n');
        }
        out.flush();
        return new RedactionResult(lines, changed, unparsed, dropped, Collections.unmodifiableMap(counts));
    }

    /** Redacts the text of every message (an object with a "role") anywhere in the example. */
    private void walk(JsonNode node, Tally tally) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("role").isTextual() && object.has("content")) {
                JsonNode content = object.get("content");
                if (content.isTextual()) {
                    object.put("content", redact(content.textValue(), tally));
                } else if (content.isArray()) {
                    for (JsonNode part : content) {
                        if (part.isObject() && part.path("text").isTextual()) {
                            ((ObjectNode) part).put("text", redact(part.get("text").textValue(), tally));
                        }
                    }
                }
                return; // tool_calls, names and ids are structure, not prose
            }
            object.elements().forEachRemaining(child -> walk(child, tally));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, tally));
        }
    }

    private String redact(String text, Tally tally) {
        List<PiiMatch> hits = scanner.scanAll(text);
        if (hits.isEmpty()) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length());
        int at = 0;
        for (PiiMatch m : hits) {
            if (m.start() < at) {
                continue;
            }
            s.append(text, at, m.start()).append(m.kind().placeholder());
            at = m.end();
            tally.add(m.kind());
        }
        return s.append(text, at, text.length()).toString();
    }

    private static final class Tally {
        final Map<PiiKind, Long> counts;
        int hits;

        Tally(Map<PiiKind, Long> counts) {
            this.counts = counts;
        }

        void add(PiiKind kind) {
            hits++;
            counts.merge(kind, 1L, Long::sum);
        }
    }
}
