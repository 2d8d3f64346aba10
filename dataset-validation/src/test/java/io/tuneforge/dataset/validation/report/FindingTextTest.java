package io.tuneforge.dataset.validation.report;

import static io.tuneforge.dataset.validation.Datasets.chat;
import static io.tuneforge.dataset.validation.Datasets.findings;
import static io.tuneforge.dataset.validation.Datasets.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.tuneforge.dataset.validation.Datasets;
import io.tuneforge.dataset.validation.DatasetValidator;
import io.tuneforge.dataset.validation.ValidationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A finding's message says what is wrong and its fix hint what to do: the hint never repeats the message. */
class FindingTextTest {

    /** Files that raise the codes whose hint used to restate the message, plus every shared data file. */
    private static List<ValidationReport> corpus() throws IOException {
        List<ValidationReport> reports = new ArrayList<>();
        StringBuilder small = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            small.append(chat("Can you help with task " + i + "?", "I'm sorry, but I can't help with that.")).append('\n');
        }
        small.append("{\"messages\": [{\"role\": \"system\", \"content\": \"You are a helpful assistant.\"}, "
                + "{\"role\": \"user\", \"content\": \"Can you help with task 0?\"}, {\"role\": \"assistant\", "
                + "\"content\": \"Sure, here it is.\", \"weight\": 2}]}\n");
        small.append("{\"messages\": [{\"role\": \"system\", \"content\": \"You are a helpful assistant.\"}, {\"role\": \"user\", \"content\": \"look\"}, "
                + "{\"role\": \"assistant\", \"content\": [{\"type\": \"image_url\", \"image_url\": {\"url\": \"https://example.com/y.png\"}}]}]}\n");
        reports.add(validate(small.toString()));
        String dpo = "{\"input\": [{\"role\": \"user\", \"content\": \"q\"}], \"preferred_output\": [{\"role\": \"assistant\", \"content\": \"a\"}], "
                + "\"non_preferred_output\": [{\"role\": \"user\", \"content\": \"b\"}]}\n";
        reports.add(validate(dpo.repeat(3)));
        Optional<Path> shared = Datasets.shared("data");
        if (shared.isPresent()) {
            try (Stream<Path> files = Files.list(shared.get())) {
                for (Path f : files.filter(p -> !p.toString().endsWith(".md")).sorted().toList()) {
                    reports.add(new DatasetValidator(ValidationOptions.defaults()).validate(f));
                }
            }
        }
        return reports;
    }

    @Test
    void noFixHintRepeatsItsMessage() throws IOException {
        Set<String> seen = new HashSet<>();
        for (ValidationReport report : corpus()) {
            for (FindingTally tally : report.findings()) {
                for (Finding f : tally.examples()) {
                    seen.add(f.code());
                    assertThat(longestSharedWordRun(f.message(), f.fixHint())).as(f.describe()).isLessThan(3);
                }
            }
        }
        assertThat(seen).as("the corpus raises the codes that used to repeat themselves").contains("too_few_examples",
                "refusals_overrepresented", "contradictory_examples", "invalid_weight",
                "image_outside_user_message", "dpo_input_shorthand", "dpo_invalid_output");
        if (Datasets.shared("data").isPresent()) {
            // Raised by the real datasets only (a user's clone has none of them).
            assertThat(seen).contains("system_prompt_missing");
        }
    }

    /** The most consecutive words message and hint have in common ("openai requires at least 10" is 5). */
    static int longestSharedWordRun(String message, String hint) {
        String[] a = message.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+");
        String[] b = hint.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+");
        int best = 0;
        int[][] run = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                if (!a[i - 1].isEmpty() && a[i - 1].equals(b[j - 1])) {
                    run[i][j] = run[i - 1][j - 1] + 1;
                    best = Math.max(best, run[i][j]);
                }
            }
        }
        return best;
    }

    @Test
    void theOldHintsWouldHaveFailed() {
        assertThat(longestSharedWordRun("the file has 5 examples; OpenAI requires at least 10", "OpenAI requires at least 10 examples")).isEqualTo(5);
        assertThat(longestSharedWordRun("28 of 86 assistant replies are refusals (32.6%)",
                "too many assistant replies are refusals; the model will learn to refuse expected queries")).isEqualTo(4);
    }

    @Test
    void describeStatesTheProblemOnceAndThenTheFix() {
        ValidationReport r = validate(chat("q", "a") + "\n");
        assertThat(findings(r, "too_few_examples").get(0).describe()).isEqualTo("file: the file has 1 examples; OpenAI requires at "
                + "least 10 — add examples until the file reaches the minimum; 50 to 100 well-crafted ones usually give a clear improvement");
    }
}
