package io.tuneforge.dataset.validation;

import static io.tuneforge.dataset.validation.Datasets.chat;
import static org.assertj.core.api.Assertions.assertThat;

import io.tuneforge.dataset.validation.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lines are analysed on worker threads but folded in file order: the report must not depend on the threads. */
class ParallelValidationTest {

    @Test
    void parallelReportEqualsSequentialReport() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            switch (i % 7) {
                case 0 -> b.append(chat("Question " + (i % 50), "Answer " + i)).append('\n'); // contradictions and duplicates
                case 1 -> b.append("{not json\n");
                case 2 -> b.append("\n");
                case 3 -> b.append(chat("mail me at person" + i + "@corp.io <|endoftext|>", "ok " + i)).append("\r\n");
                case 4 -> b.append("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}\n");
                default -> b.append(chat("A long enough question about topic " + i + " with several words in it",
                        "A long enough answer about topic " + i + " with several words in it too")).append('\n');
            }
        }
        byte[] data = b.toString().getBytes(StandardCharsets.UTF_8);
        ValidationReport sequential = Datasets.validate(data, ValidationOptions.defaults().withParallelism(1));
        ValidationReport parallel = Datasets.validate(data, ValidationOptions.defaults().withParallelism(3));
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.input().lines()).isEqualTo(6000);
    }
}
