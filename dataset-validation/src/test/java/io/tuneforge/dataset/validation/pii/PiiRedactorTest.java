package io.tuneforge.dataset.validation.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.validation.Datasets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Redacted(RedactionResult result, String[] lines) {
    }

    private static Redacted redact(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RedactionResult result = new PiiRedactor().redact(new ByteArrayInputStream(input), out);
        return new Redacted(result, out.toString(StandardCharsets.UTF_8).split("\n", -1));
    }

    private static Redacted redact(String input) throws IOException {
        return redact(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void replacesEveryKindInsideMessageTextWithTypedPlaceholders() throws IOException {
        String user = "Mail jane.doe@acme-corp.com or call (415) 555-0132; card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, "
                + "SSN 123-45-6789, server 10.20.30.40, key sk-proj-abcdefghijklmnopqrstuvwxyz012345.";
        Redacted r = redact(Datasets.chat(user, "Noted, I will email jane.doe@acme-corp.com.") + "\n");

        JsonNode line = JSON.readTree(r.lines()[0]);
        assertThat(line.get("messages").get(1).get("content").asText()).isEqualTo("Mail [EMAIL] or call [PHONE]; card [CARD], "
                + "IBAN [IBAN], SSN [NATIONAL_ID], server [IP], key [SECRET].");
        assertThat(line.get("messages").get(2).get("content").asText()).isEqualTo("Noted, I will email [EMAIL].");
        assertThat(line.get("messages").get(0).get("content").asText()).isEqualTo("You are a helpful assistant.");
        assertThat(r.result().replacements()).containsEntry(PiiKind.EMAIL, 2L).containsEntry(PiiKind.PHONE, 1L)
                .containsEntry(PiiKind.CARD_NUMBER, 1L).containsEntry(PiiKind.IBAN, 1L).containsEntry(PiiKind.NATIONAL_ID, 1L)
                .containsEntry(PiiKind.IP_ADDRESS, 1L).containsEntry(PiiKind.SECRET, 1L);
        assertThat(r.result().total()).isEqualTo(8);
        assertThat(r.result().linesChanged()).isEqualTo(1);
    }

    @Test
    void keysRolesToolCallsAndStructureAreNeverTouched() throws IOException {
        String line = "{\"messages\": [{\"role\": \"user\", \"name\": \"bob@corp.io\", \"content\": [{\"type\": \"text\", \"text\": "
                + "\"reach me at bob@corp.io\"}, {\"type\": \"image_url\", \"image_url\": {\"url\": \"https://x.io/a.png\"}}]}, "
                + "{\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"call_1\", \"type\": \"function\", \"function\": {\"name\": \"mail\", "
                + "\"arguments\": \"{\\\"to\\\": \\\"bob@corp.io\\\"}\"}}]}], \"bob@corp.io\": 1}";
        Redacted r = redact(line + "\n");

        JsonNode out = JSON.readTree(r.lines()[0]);
        JsonNode original = JSON.readTree(line);
        ((com.fasterxml.jackson.databind.node.ObjectNode) original.get("messages").get(0).get("content").get(0)).put("text", "reach me at [EMAIL]");
        assertThat(out).isEqualTo(original);
        assertThat(r.result().total()).isEqualTo(1);
    }

    @Test
    void preferenceOutputsAreRedactedAndCleanLinesAreCopiedByteForByte() throws IOException {
        String dpo = "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"my number is +44 20 7946 0958\"}]}, "
                + "\"preferred_output\": [{\"role\": \"assistant\", \"content\": \"I won't store +44 20 7946 0958.\"}], "
                + "\"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"Saved.\"}]}";
        String clean = "{\"messages\":  [{\"role\": \"user\", \"content\": \"caf\\u00e9\"}, {\"role\": \"assistant\", \"content\": \"ok\"}]}";
        Redacted r = redact(dpo + "\n" + clean + "\n\n");

        JsonNode out = JSON.readTree(r.lines()[0]);
        assertThat(out.get("input").get("messages").get(0).get("content").asText()).isEqualTo("my number is [PHONE]");
        assertThat(out.get("preferred_output").get(0).get("content").asText()).isEqualTo("I won't store [PHONE].");
        assertThat(r.lines()[1]).isEqualTo(clean);
        assertThat(r.lines()[2]).isEmpty();
        assertThat(r.result().lines()).isEqualTo(3);
        assertThat(r.result().linesChanged()).isEqualTo(1);
    }

    @Test
    void gzipInputAndInvalidJsonLinesDoNotLeak() throws IOException {
        String broken = "{\"messages\": [{\"role\": \"user\", \"content\": \"mail bob@corp.io\"";
        Redacted r = redact(Datasets.gzip((Datasets.chat("call 212-555-7890", "ok") + "\n" + broken + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(JSON.readTree(r.lines()[0]).get("messages").get(1).get("content").asText()).isEqualTo("call [PHONE]");
        assertThat(r.lines()[1]).isEqualTo("{\"messages\": [{\"role\": \"user\", \"content\": \"mail [EMAIL]\"");
        assertThat(r.result().unparsedLines()).isEqualTo(1);
        assertThat(r.result().replacements()).containsEntry(PiiKind.PHONE, 1L).containsEntry(PiiKind.EMAIL, 1L);
    }
}
