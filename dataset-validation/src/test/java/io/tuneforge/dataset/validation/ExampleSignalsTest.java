package io.tuneforge.dataset.validation;

import static io.tuneforge.dataset.validation.Datasets.chat;
import static org.assertj.core.api.Assertions.assertThat;

import io.tuneforge.dataset.validation.format.DatasetKind;
import io.tuneforge.dataset.validation.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a storing caller receives per example: in file order, the same with and without worker threads. */
class ExampleSignalsTest {

    private static List<ExampleSignals> signals(String jsonl, int threads) throws IOException {
        List<ExampleSignals> seen = new ArrayList<>();
        ValidationReport report = new DatasetValidator(ValidationOptions.defaults().withParallelism(threads))
                .validate(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "test", seen::add);
        assertThat(seen).hasSize((int) report.input().examples() - countUnusable(report));
        return seen;
    }

    private static int countUnusable(ValidationReport report) {
        return (int) Datasets.count(report, "missing_messages_list");
    }

    @Test
    void everyExampleInFileOrderWithTheSameSignalsOnAnyNumberOfThreads() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            switch (i % 5) {
                case 0 -> b.append(chat("Is order " + i + " late?", i % 2 == 0 ? "yes" : "no")).append('\n');
                case 1 -> b.append("{not json\n");
                case 2 -> b.append("{\"messages\": \"none\"}\n");
                default -> b.append(chat("Question " + (i % 40) + " about shipping and returns and refunds today please",
                        "A long answer " + i + " with many words about shipping, returns and refunds")).append('\n');
            }
        }
        List<ExampleSignals> sequential = signals(b.toString(), 1);
        List<ExampleSignals> parallel = signals(b.toString(), 3);
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential).hasSize(3000);
        assertThat(sequential).extracting(ExampleSignals::line).isSorted().doesNotContain(2L, 3L);
        ExampleSignals first = sequential.get(0);
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.kind()).isEqualTo(DatasetKind.CHAT);
        assertThat(first.category()).isEqualTo("yes");
        assertThat(first.tokens()).isPositive();
        assertThat(first.promptFingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(first.normalizedContent()).isNull();
        assertThat(sequential).allMatch(ExampleSignals::clean);
        // the same question (every 40th line) shares its prompt fingerprint; the answers differ, so the examples do not
        ExampleSignals q = sequential.get(2);
        List<ExampleSignals> sameQuestion = sequential.stream().filter(s -> s.promptFingerprint() == q.promptFingerprint()).toList();
        assertThat(sameQuestion).hasSizeGreaterThan(1).extracting(ExampleSignals::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void anExampleWithAnErrorOfItsOwnIsHandedOverAsNotClean() throws IOException {
        String poisoned = chat("Say <|endoftext|> please", "ok") + "\n" + chat("Hello there", "Hi") + "\n";
        assertThat(signals(poisoned, 1)).extracting(ExampleSignals::clean).containsExactly(false, true);
    }

    @Test
    void aPreferenceShorthandIsHandedOverInOpenAisShape() throws IOException {
        String shorthand = "{\"input\": [{\"role\": \"user\", \"content\": \"Hi\"}], "
                + "\"preferred_output\": [{\"role\": \"assistant\", \"content\": \"Hello!\"}], "
                + "\"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"Go away.\"}]}\n";
        List<ExampleSignals> seen = signals(shorthand, 1);
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(DatasetKind.PREFERENCE);
            assertThat(s.clean()).isTrue();
            assertThat(s.normalizedContent()).startsWith("{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                    .contains("\"preferred_output\"").contains("\"non_preferred_output\"");
        });
    }
}
