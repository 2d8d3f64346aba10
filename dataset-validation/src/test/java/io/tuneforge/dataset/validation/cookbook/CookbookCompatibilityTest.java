package io.tuneforge.dataset.validation.cookbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tuneforge.dataset.validation.DatasetValidator;
import io.tuneforge.dataset.validation.Datasets;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.tokens.TokenEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cookbook-compatible summary must equal the reference validator's output (shared/bench) byte for byte,
 * except for the tokenizer name.
 */
class CookbookCompatibilityTest {

    @Test
    void reproducesTheNotebookNumbersOnItsToyFile() throws Exception {
        Optional<Path> toy = Datasets.shared("bench/testdata/toy_chat_fine_tuning.jsonl");
        assumeTrue(toy.isPresent(), "../shared/bench not available");
        CookbookSummary s = summary(toy.get(), TokenEncoding.CL100K_BASE, 4096);

        // The numbers printed in the notebook's stored outputs.
        assertThat(s.examples()).isEqualTo(5);
        assertThat(s.missingSystem()).isEqualTo(1);
        assertThat(s.missingUser()).isEqualTo(1);
        assertThat(s.tokensPerExample().min()).isEqualTo(26);
        assertThat(s.tokensPerExample().max()).isEqualTo(8032);
        assertThat(s.tokensPerExample().mean()).isEqualTo(1648.4);
        assertThat(s.tokensPerExample().p50()).isEqualTo(45);
        assertThat(s.tokensPerExample().p10()).isEqualTo(26.8);
        assertThat(s.tokensPerExample().p90()).isEqualTo(4863.6);
        assertThat(s.messagesPerExample().p90()).isEqualTo(6.6000000000000005);
        assertThat(s.assistantTokensPerExample().p90()).isEqualTo(4811.200000000001);
        assertThat(s.overLimit()).isEqualTo(1);
        assertThat(s.billingTokensInDataset()).isEqualTo(4306);
        assertThat(s.epochs()).isEqualTo(20);
        assertThat(s.billingTokensTotal()).isEqualTo(86120);

        assertSameAsReference(s, "bench/testdata/toy.cl100k_base.wasm.json");
    }

    @Test
    void toyFileWithO200kMatchesTheReference() throws Exception {
        Optional<Path> toy = Datasets.shared("bench/testdata/toy_chat_fine_tuning.jsonl");
        assumeTrue(toy.isPresent(), "../shared/bench not available");
        assertSameAsReference(summary(toy.get(), TokenEncoding.O200K_BASE, 4096), "bench/testdata/toy.o200k_base.wasm.json");
    }

    @Test
    void edgeCasesMatchTheReference() throws Exception {
        Optional<Path> edge = Datasets.shared("bench/testdata/edge_cases.jsonl");
        assumeTrue(edge.isPresent(), "../shared/bench not available");
        CookbookSummary s = summary(edge.get(), TokenEncoding.O200K_BASE, 16385);
        assertSameAsReference(s, "bench/testdata/edge.wasm.json");
        assertSameAsReference(s, "bench/testdata/edge.js.json");
    }

    @Test
    void sequentialAndParallelRunsGiveTheSameSummary() throws Exception {
        Optional<Path> edge = Datasets.shared("bench/testdata/edge_cases.jsonl");
        assumeTrue(edge.isPresent(), "../shared/bench not available");
        ValidationOptions options = ValidationOptions.defaults();
        CookbookSummary one = new DatasetValidator(options.withParallelism(1)).validate(edge.get()).cookbook();
        CookbookSummary two = new DatasetValidator(options.withParallelism(2)).validate(edge.get()).cookbook();
        assertThat(two).isEqualTo(one);
    }

    private static CookbookSummary summary(Path file, TokenEncoding encoding, int maxTokens) throws Exception {
        ValidationOptions options = ValidationOptions.defaults().withEncoding(encoding).withCookbookMaxTokensPerExample(maxTokens);
        return new DatasetValidator(options).validate(file).cookbook();
    }

    /** Text comparison: same numbers, same number formatting, same layout; only file and tokenizer may differ. */
    private static void assertSameAsReference(CookbookSummary summary, String expectedFile) throws Exception {
        Optional<Path> expected = Datasets.shared(expectedFile);
        assumeTrue(expected.isPresent(), expectedFile + " not available");
        String reference = Files.readString(expected.get()).strip();
        String referenceFile = reference.replaceAll("(?s).*\"file\": \"([^\"]*)\".*", "$1");
        String referenceTokenizer = reference.replaceAll("(?s).*\"tokenizer\": \"([^\"]*)\".*", "$1");
        String ours = CookbookSummaryJson.write(summary.withFile(referenceFile))
                .replace("\"tokenizer\": \"jtokkit@1.1.0\"", "\"tokenizer\": \"" + referenceTokenizer + "\"");
        assertThat(ours).isEqualTo(reference);
    }
}
