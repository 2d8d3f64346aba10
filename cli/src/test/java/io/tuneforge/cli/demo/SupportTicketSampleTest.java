package io.tuneforge.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportTicketSampleTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SupportTicketSample sample = new SupportTicketSample();

    @Test
    void cleanSampleHas120DistinctWellFormedExamplesBalancedOverFiveCategories() throws Exception {
        SampleUpload clean = sample.clean();

        assertThat(clean.lines()).hasSize(120);
        assertThat(clean.countsByCategory()).hasSize(5).allSatisfy((category, count) -> assertThat(count).isEqualTo(24));
        assertThat(clean.defects()).isEmpty();
        Set<String> tickets = new HashSet<>();
        for (String line : clean.lines()) {
            JsonNode messages = json.readTree(line).get("messages");
            assertThat(messages).hasSize(3);
            assertThat(List.of(messages.get(0).get("role").asText(), messages.get(1).get("role").asText(),
                    messages.get(2).get("role").asText())).containsExactly("system", "user", "assistant");
            assertThat(clean.countsByCategory()).containsKey(messages.get(2).get("content").asText());
            tickets.add(messages.get(1).get("content").asText());
        }
        assertThat(tickets).as("no duplicate tickets").hasSize(120);
    }

    @Test
    void sameBytesEveryRun() {
        assertThat(new SupportTicketSample().clean().jsonl()).isEqualTo(sample.clean().jsonl());
    }

    @Test
    void defectsSitAtTheirPlannedLinesAndEveryOtherLineIsUntouched() throws Exception {
        SampleUpload clean = sample.clean();
        SampleUpload defective = sample.withDefects();

        assertThat(defective.defects()).extracting(PlantedDefect::line).containsExactly(17, 42, 88);
        assertThat(defective.lines()).hasSize(120);
        for (int line = 1; line <= 120; line++) {
            int lineNo = line;
            boolean planted = defective.defects().stream().anyMatch(d -> d.line() == lineNo);
            if (!planted) {
                assertThat(defective.lines().get(line - 1)).as("line %d", line).isEqualTo(clean.lines().get(line - 1));
            }
        }

        String broken = defective.lines().get(16);
        assertThatThrownBy(() -> json.readTree(broken)).as("line 17 is cut-off JSON").isInstanceOf(Exception.class);

        JsonNode noReply = json.readTree(defective.lines().get(41)).get("messages");
        assertThat(noReply.findValuesAsText("role")).doesNotContain("assistant");

        JsonNode noRole = json.readTree(defective.lines().get(87)).get("messages");
        assertThat(noRole.get(1).has("role")).isFalse();
        assertThat(noRole.get(1).get("content").asText()).isNotBlank();
    }

    @Test
    void uploadEndsWithANewline() {
        assertThat(sample.clean().jsonl()).endsWith("}\n").doesNotContain("\n\n");
    }
}
