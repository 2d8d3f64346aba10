package io.tuneforge.dataset.validation.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Counts equal tiktoken's own (npm tiktoken 1.0.22, written by src/test/tiktoken/reference-counts.mjs) for characters
 * Unicode 14.0-16.0 added, in every context where their class decides the pre-tokenizer's pieces.
 */
class TokenCounterUnicodeParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void countsEqualTiktokensForCharactersNewerThanTheJdksTables(TokenEncoding encoding) throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        TokenCounter counter = new TokenCounter(encoding);
        for (JsonNode row : corpus()) {
            String text = row.get("text").asText();
            int expected = row.get(encoding.id()).asInt();
            // alone, cached, and inside a longer text that the counter cuts into chunks
            int alone = counter.count(text);
            int again = counter.count(text);
            String longer = "Say it: " + text + " — done. " + text + "\n" + text + "(x)";
            if (alone != expected || again != expected || counter.countWhole(text) != expected) {
                mismatches.add(row.get("code_point").asText() + " " + JSON.writeValueAsString(text) + ": tiktoken " + expected
                        + ", tuneforge " + alone);
            }
            checked++;
            assertThat(counter.count(longer)).as("chunked " + longer).isEqualTo(counter.countWhole(longer));
        }
        assertThat(checked).isGreaterThan(2000);
        assertThat(mismatches).isEmpty();
    }

    static List<JsonNode> corpus() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = TokenCounterUnicodeParityTest.class.getResourceAsStream("/tiktoken/unicode-parity.jsonl");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            JsonNode header = JSON.readTree(r.readLine());
            assertThat(header.get("tiktoken").asText()).isEqualTo("1.0.22");
            for (String line; (line = r.readLine()) != null; ) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }
}
