package io.tuneforge.dataset.validation.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Parses one line as exactly one JSON value, with JSON.parse's strictness: nothing but whitespace may follow
 * the value (Jackson would otherwise stop after the first value and ignore the rest). Size limits are raised to
 * the line limit, because a vision example legitimately carries megabytes of base64. Thread-safe.
 */
public final class JsonLineParser {

    private static final Pattern SOURCE_EXCERPT = Pattern.compile(
            "\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)|\\s*at \\[Source:[^\\]]*\\]|\\s*\\[Source:[^\\]]*\\]");

    private final JsonFactory factory;
    private final ObjectMapper mapper;

    public JsonLineParser(int maxLineBytes) {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Math.max(maxLineBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                        .maxNumberLength(100_000)
                        .maxNestingDepth(1_000)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public JsonNode parse(byte[] bytes, int offset, int length) throws InvalidJsonException {
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            return readSingleValue(p);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new InvalidJsonException(e.getMessage(), 0);
        }
    }

    public JsonNode parse(String text) throws InvalidJsonException {
        try (JsonParser p = factory.createParser(text)) {
            return readSingleValue(p);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new InvalidJsonException(e.getMessage(), 0);
        }
    }

    /** True when {@code text} is itself valid JSON (tool call arguments must be a JSON-encoded string). */
    public boolean isJson(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidJsonException e) {
            return false;
        }
    }

    private JsonNode readSingleValue(JsonParser p) throws IOException, InvalidJsonException {
        JsonNode node = mapper.readTree(p);
        if (node == null || node.isMissingNode()) {
            throw new InvalidJsonException("no JSON value on the line", 1);
        }
        if (p.nextToken() != null) {
            JsonLocation at = p.currentTokenLocation();
            throw new InvalidJsonException("unexpected content after the JSON value (two objects on one line?)", column(at));
        }
        return node;
    }

    /** Jackson's message without its source excerpt and parser jargon, e.g. "the line ends inside an unclosed object". */
    private static InvalidJsonException invalid(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        message = SOURCE_EXCERPT.matcher(message).replaceAll("").strip();
        if (message.startsWith("Unexpected end-of-input")) {
            message = message.contains("close marker for Object") ? "the line ends inside an unclosed object"
                    : message.contains("close marker for Array") ? "the line ends inside an unclosed array"
                    : "the line ends inside an unfinished JSON value";
        }
        return new InvalidJsonException(message, column(e.getLocation()));
    }

    private static int column(JsonLocation at) {
        if (at == null) {
            return 0;
        }
        long offset = at.getByteOffset() >= 0 ? at.getByteOffset() : at.getCharOffset();
        return offset >= 0 ? (int) offset + 1 : at.getColumnNr();
    }
}
