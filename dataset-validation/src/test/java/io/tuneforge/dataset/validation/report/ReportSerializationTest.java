package io.tuneforge.dataset.validation.report;

import static io.tuneforge.dataset.validation.Datasets.distinctChats;
import static io.tuneforge.dataset.validation.Datasets.validate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The report is dataset-service's REST body: its field names are a contract. */
class ReportSerializationTest {

    @Test
    void serializesWithStableFieldNames() throws Exception {
        ValidationReport report = validate(distinctChats(12) + "{\"messages\": [{\"role\": \"user\"}]}\n");
        JsonNode json = new ObjectMapper().valueToTree(report);
        assertThat(json.fieldNames()).toIterable().containsExactly("source", "verdict", "datasetKind", "detectedFormat",
                "errorCount", "warningCount", "input", "tokens", "quality", "findings", "cookbook");
        JsonNode tally = json.get("findings").get(0);
        assertThat(tally.fieldNames()).toIterable().containsExactly("code", "severity", "count", "fixHint", "examples");
        assertThat(tally.get("examples").get(0).fieldNames()).toIterable()
                .containsExactly("severity", "code", "line", "path", "message", "fixHint");
        assertThat(json.get("cookbook").has("json_parse_errors")).isTrue();
        assertThat(json.get("tokens").get("tokensPerExample").has("p90")).isTrue();
        assertThat(json.get("verdict").asText()).isEqualTo("FAILED");
    }

    @Test
    void describesFindingsForHumans() {
        ValidationReport report = validate(distinctChats(12) + "{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\"}]}\n");
        assertThat(report.describe()).contains("FAILED").contains("line 13 messages[1]: assistant message missing 'content'");
    }
}
