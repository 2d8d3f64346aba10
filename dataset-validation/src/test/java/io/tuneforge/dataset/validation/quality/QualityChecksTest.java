package io.tuneforge.dataset.validation.quality;

import static io.tuneforge.dataset.validation.Datasets.chat;
import static io.tuneforge.dataset.validation.Datasets.count;
import static io.tuneforge.dataset.validation.Datasets.distinctChats;
import static io.tuneforge.dataset.validation.Datasets.findings;
import static io.tuneforge.dataset.validation.Datasets.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.dataset.validation.report.Verdict;
import org.junit.jupiter.api.Test;

class QualityChecksTest {

    @Test
    void exampleCountThresholds() {
        assertThat(count(validate(distinctChats(9)), "too_few_examples")).isEqualTo(1);
        assertThat(validate(distinctChats(9)).verdict()).isEqualTo(Verdict.FAILED);
        ValidationReport few = validate(distinctChats(10));
        assertThat(count(few, "too_few_examples")).isZero();
        assertThat(findings(few, "few_examples").get(0).message()).contains("10 examples");
        assertThat(count(validate(distinctChats(50)), "few_examples")).isZero();
    }

    @Test
    void exactDuplicatesPointAtTheFirstCopyEvenWhenWrittenDifferently() {
        String compact = "{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"},{\"role\":\"assistant\",\"content\":\"4\"}]}";
        String pythonStyle = "{\"messages\": [{\"content\": \"What is 2+2?\", \"role\": \"user\"}, {\"role\": \"assistant\", \"content\": \"4\"}]}";
        ValidationReport r = validate(distinctChats(50) + compact + "\n" + pythonStyle + "\n");
        Finding f = findings(r, "exact_duplicate").get(0);
        assertThat(f.line()).isEqualTo(52);
        assertThat(f.message()).isEqualTo("same example as line 51");
    }

    @Test
    void nearDuplicatesAreFound() {
        String a = chat("Please summarise the quarterly report on shipping delays in the northern warehouse region for the board",
                "Shipping delays in the northern warehouse region rose by twelve percent this quarter because of staffing shortages and weather.");
        String b = chat("Please summarise the quarterly report on shipping delays in the northern warehouse region for the board.",
                "Shipping delays in the northern warehouse region rose by twelve percent this quarter because of staffing shortages and weather!");
        ValidationReport r = validate(distinctChats(50) + a + "\n" + b + "\n");
        assertThat(findings(r, "near_duplicate")).extracting(Finding::message).containsExactly("nearly identical to line 51");
        assertThat(count(r, "exact_duplicate")).isZero();
    }

    @Test
    void contradictionsAreSamePromptDifferentAnswer() {
        ValidationReport r = validate(distinctChats(50) + chat("Is the refund policy 30 days?", "Yes, 30 days.") + "\n"
                + chat("Is the refund policy 30 days?", "No, it is 14 days.") + "\n");
        Finding f = findings(r, "contradictory_examples").get(0);
        assertThat(f.line()).isEqualTo(52);
        assertThat(f.message()).contains("line 51");
    }

    @Test
    void preferencePairsPreferredBothWaysAreContradictory() {
        String forward = "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"Greet me\"}]}, \"preferred_output\": [{\"role\": \"assistant\", \"content\": \"Hello!\"}],"
                + " \"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"What.\"}]}";
        String backward = "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"Greet me\"}]}, \"preferred_output\": [{\"role\": \"assistant\", \"content\": \"What.\"}],"
                + " \"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"Hello!\"}]}";
        ValidationReport r = validate((forward + "\n").repeat(1) + backward + "\n");
        assertThat(findings(r, "contradictory_preferences")).extracting(Finding::line).containsExactly(2L);
    }

    @Test
    void systemPromptConsistency() {
        StringBuilder b = new StringBuilder(distinctChats(40));
        b.append("{\"messages\": [{\"role\": \"system\", \"content\": \"You are a helpfull assistant.\"}, {\"role\": \"user\", \"content\": \"hi there\"},"
                + " {\"role\": \"assistant\", \"content\": \"hello, how can I help?\"}]}\n");
        b.append("{\"messages\": [{\"role\": \"user\", \"content\": \"no system here\"}, {\"role\": \"assistant\", \"content\": \"fine by me\"}]}\n");
        ValidationReport r = validate(b.toString());
        assertThat(findings(r, "system_prompt_inconsistent")).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(41);
            assertThat(f.message()).contains("helpfull").contains("40 examples");
        });
        assertThat(findings(r, "system_prompt_missing")).extracting(Finding::line).containsExactly(42L);
    }

    @Test
    void imbalancedCategoriesAreReported() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 95; i++) {
            b.append(chat("Classify the sentiment of review number " + i + ": great product", "positive")).append('\n');
        }
        for (int i = 0; i < 5; i++) {
            b.append(chat("Classify the sentiment of review number " + (100 + i) + ": awful", "negative")).append('\n');
        }
        ValidationReport r = validate(b.toString());
        assertThat(findings(r, "category_imbalance")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\"positive\" has 95").contains("\"negative\" only 5"));
        QualityCheck row = r.quality().stream().filter(q -> q.check().equals("Balanced categories")).findFirst().orElseThrow();
        assertThat(row.status()).isEqualTo(QualityStatus.WARN);
    }

    @Test
    void overRepresentedRefusals() {
        StringBuilder b = new StringBuilder(distinctChats(40));
        for (int i = 0; i < 10; i++) {
            b.append(chat("Tell me about topic " + i, "I'm sorry, but I can't help with that request about topic " + i + ".")).append('\n');
        }
        ValidationReport r = validate(b.toString());
        assertThat(findings(r, "refusals_overrepresented")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("10 of 50 assistant replies are refusals (20.0%)"));
    }

    @Test
    void qualityTableHasEveryRowAndPassesForCleanData() {
        ValidationReport r = validate(distinctChats(60));
        assertThat(r.quality()).hasSize(9).allSatisfy(q -> assertThat(q.status()).isEqualTo(QualityStatus.PASS));
    }

    @Test
    void simHashIsStableUnderSmallEdits() {
        long a = SimHash.of("the quick brown fox jumps over the lazy dog near the river bank today");
        long b = SimHash.of("the quick brown fox jumps over the lazy dog near the river bank today!");
        long c = SimHash.of("completely different words about database indexes and query planners here");
        assertThat(Long.bitCount(a ^ b)).isLessThanOrEqualTo(3);
        assertThat(Long.bitCount(a ^ c)).isGreaterThan(10);
        assertThat(SimHash.of("too short")).isZero();
    }
}
