package io.tuneforge.eval.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.eval.provider.PromptMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSplitReaderTest {

    private final TestSplitReader reader = new TestSplitReader();

    TestSplitReaderTest() {
        reader.json = new ObjectMapper();
    }

    @Test
    void aPreferenceLineAsksTheInputWithThePreferredAnswerAsReferenceAndKeepsTheRejectedOne() {
        HeldOutExample e = reader.parse("""
                {"input": {"messages": [{"role": "system", "content": "Route."},
                                        {"role": "user", "content": [{"type": "text", "text": "Card "}, {"type": "text", "text": "charged twice"}]}]},
                 "preferred_output": [{"role": "assistant", "content": "billing"}],
                 "non_preferred_output": [{"role": "assistant", "content": "shipping"}],
                 "metadata": {"category": "billing"}}""", 3);
        assertThat(e.prompt()).containsExactly(new PromptMessage("system", "Route."), new PromptMessage("user", "Card charged twice"));
        assertThat(e.reference()).isEqualTo("billing");
        assertThat(e.rejected()).isEqualTo("shipping");
        assertThat(e.metadataCategory()).isEqualTo("billing");
    }

    @Test
    void aSupervisedLineHasNoRejectedAnswerAndABrokenPreferenceLineSaysWhatIsMissing() {
        HeldOutExample e = reader.parse("{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, "
                + "{\"role\": \"assistant\", \"content\": \"hello\"}]}", 1);
        assertThat(e.reference()).isEqualTo("hello");
        assertThat(e.rejected()).isNull();
        assertThatThrownBy(() -> reader.parse("{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}, "
                + "\"preferred_output\": [{\"role\": \"assistant\", \"content\": \"a\"}]}", 7))
                .isInstanceOf(TestSetUnreadable.class).hasMessageContaining("line 7").hasMessageContaining("non_preferred_output");
    }
}
