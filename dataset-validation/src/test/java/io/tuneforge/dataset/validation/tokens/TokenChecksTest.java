package io.tuneforge.dataset.validation.tokens;

import static io.tuneforge.dataset.validation.Datasets.chat;
import static io.tuneforge.dataset.validation.Datasets.distinctChats;
import static io.tuneforge.dataset.validation.Datasets.findings;
import static io.tuneforge.dataset.validation.Datasets.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.Severity;
import io.tuneforge.dataset.validation.report.ValidationReport;
import org.junit.jupiter.api.Test;

class TokenChecksTest {

    @Test
    void specialTokenTextIsAnErrorWithItsPath() {
        ValidationReport r = validate(distinctChats(50) + chat("end with <|endoftext|> please", "ok") + "\n");
        Finding f = findings(r, "special_token_text").get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.line()).isEqualTo(51);
        assertThat(f.path()).isEqualTo("messages[1].content");
        assertThat(f.message()).contains("<|endoftext|>");
    }

    @Test
    void perExampleLimitAndLongExampleWarning() {
        String longReply = "Eat a banana! ".repeat(1500); // ~4,500 tokens
        ValidationReport r = validate(distinctChats(50) + chat("long one", longReply) + "\n",
                ValidationOptions.defaults().withMaxTokensPerExample(65_536));
        assertThat(findings(r, "example_over_4k_tokens")).extracting(Finding::line).containsExactly(51L);
        assertThat(findings(r, "example_too_long")).isEmpty();

        ValidationReport tight = validate(distinctChats(50) + chat("long one", longReply) + "\n",
                ValidationOptions.defaults().withMaxTokensPerExample(4_000));
        assertThat(findings(tight, "example_too_long")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("over the limit of 4000"));
        assertThat(tight.tokens().examplesOverLimit()).isEqualTo(1);
    }

    @Test
    void tokenReportCountsTrainedTokensByWeight() {
        String ex = "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"hello there\", \"weight\": 0},"
                + " {\"role\": \"user\", \"content\": \"bye\"}, {\"role\": \"assistant\", \"content\": \"goodbye\"}]}";
        ValidationReport r = validate((ex + "\n").repeat(1) + distinctChats(10));
        TokenCounter counter = new TokenCounter(TokenEncoding.O200K_BASE);
        assertThat(r.tokens().trainedTokens()).isGreaterThanOrEqualTo(counter.count("goodbye"));
        assertThat(r.tokens().examplesMeasured()).isEqualTo(11);
        assertThat(r.tokens().encoding()).isEqualTo("o200k_base");
        assertThat(r.tokens().tokensPerExample().max()).isGreaterThan(0);
    }
}
