package io.tuneforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutOfMemoryMessageTest {

    @TempDir
    Path dir;

    /** The CLI as the script runs it, but with a heap far too small for one 40 MB line. */
    @Test
    void aFileThatNeedsMoreHeapGetsAMessageNamingItAndTheBoundInsteadOfAStackTrace() throws Exception {
        Path file = dir.resolve("huge-line.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"");
            String chunk = "word ".repeat(2000);
            for (int i = 0; i < 4000; i++) {
                out.write(chunk);
            }
            out.write("\"}]}\n");
        }
        Path output = dir.resolve("out.txt");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-XX:+UseSerialGC", "-Djava.util.logging.manager=java.util.logging.LogManager",
                "-cp", System.getProperty("java.class.path"), Tuneforge.class.getName(),
                "datasets", "validate", file.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(output);

        assertThat(cli.exitValue()).as(printed).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(printed).contains("out of memory").contains(file.toString()).contains("(38 MB)")
                .contains("TUNEFORGE_CLI_HEAP=").doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void theMessageSuggestsAtLeastFourTimesTheCurrentBound() {
        assertThat(OutOfMemoryMessage.of(new String[] {"datasets", "validate", "--model", "gpt-4o-mini"}, 256L << 20))
                .contains("256 MB heap").contains("TUNEFORGE_CLI_HEAP=1024m ./tuneforge datasets validate --model gpt-4o-mini");
    }
}
