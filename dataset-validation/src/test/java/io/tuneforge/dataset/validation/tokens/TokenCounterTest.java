package io.tuneforge.dataset.validation.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.validation.Datasets;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokenCounterTest {

    private static final List<String> SAMPLES = List.of(
            "Hello world! It's a test, isn't it?",
            "  leading spaces and trailing   ",
            "line one\nline two\n\n  indented\n\tTabbed",
            "def f(x):\n    return x + 1  # comment\n",
            "这个函数的时间复杂度是多少？能否进一步优化？ Must be fast.",
            "한국어 텍스트와 English mixed 123456789 numbers",
            "emoji 👨‍👩‍👧 family 🎉🎉 and café naïve",
            "price: $1,234.56 / 7 = 176.36... OK?!",
            "path/to/file.txt\r\nwindows line\r\n",
            "<|endoftext|> is text here <|fim_suffix|>",
            "a  b   c    d",
            "x\n/y\n-z\n1a",
            "Ünïcödé ŴÖRDS and MiXeD CaSe",
            "   \n   \n",
            // cuts before punctuation after a letter or digit: contractions, marks, surrogates and symbols
            "it's they'll WE'RE o'clock x'y don't.",
            "buffer.append(fetchData ** 2)  # square\nreturn {\"ok\": True}",
            "東京駅から新宿駅まで。エラーメッセージを確認して、設定ファイルを修正しました！（完了）",
            "cafe\u0301. nai\u0308ve, re\u0301sume\u0301!",
            "word😀, 字\uD840\uDC00。 x\uD840\uDC00, end",
            "ABC。DEF, aB.cD; Ⅻ. ½, x². ١٢٣،٤ a_b-c $5€ 3+4=7",
            "https://example.com/path?q=1&r=2#frag");

    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void chunkedCountingEqualsWholeStringCounting(TokenEncoding encoding) {
        TokenCounter counter = new TokenCounter(encoding);
        for (String s : SAMPLES) {
            assertThat(counter.count(s)).as(s).isEqualTo(counter.countWhole(s));
            assertThat(counter.count(s)).as("cached: " + s).isEqualTo(counter.countWhole(s));
        }
    }

    @Test
    void knownCounts() {
        // tiktoken: len(enc.encode_ordinary(...))
        assertThat(new TokenCounter(TokenEncoding.CL100K_BASE).count("Eat a banana!")).isEqualTo(4);
        assertThat(new TokenCounter(TokenEncoding.CL100K_BASE).count("<|endoftext|>")).isEqualTo(7);
        assertThat(new TokenCounter(TokenEncoding.O200K_BASE).count("")).isZero();
    }

    @Test
    void loneSurrogatesCountAsReplacementCharacter() {
        TokenCounter counter = new TokenCounter(TokenEncoding.O200K_BASE);
        assertThat(counter.count("lone \ud83d surrogate")).isEqualTo(counter.count("lone \uFFFD surrogate"));
        assertThat(TokenCounter.withoutLoneSurrogates("ok \ud83d\ude00")).isEqualTo("ok \ud83d\ude00");
        assertThat(TokenCounter.withoutLoneSurrogates("\ude00x\ud83d")).isEqualTo("\uFFFDx\uFFFD");
    }

    /** Every string of every shared dataset: the chunking must never change a count. */
    @ParameterizedTest
    @EnumSource(TokenEncoding.class)
    void chunkedCountingEqualsWholeCountingOnSharedData(TokenEncoding encoding) throws Exception {
        assumeTrue(Datasets.shared("data").isPresent(), "../shared/data not available");
        TokenCounter counter = new TokenCounter(encoding);
        ObjectMapper mapper = new ObjectMapper();
        List<String> strings = new ArrayList<>();
        try (Stream<Path> files = Files.list(Datasets.shared("data").get())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                try (BufferedReader r = Files.newBufferedReader(f)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        try {
                            collect(mapper.readTree(line), strings);
                        } catch (Exception notJson) {
                            // pretty-printed files: skip
                        }
                    }
                }
            }
        }
        long mismatches = strings.stream().filter(s -> counter.count(s) != counter.countWhole(s)).count();
        assertThat(strings).hasSizeGreaterThan(10_000);
        assertThat(mismatches).isZero();
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isTextual() && !n.textValue().startsWith("data:image")) {
            out.add(n.textValue());
        } else if (n.isContainerNode()) {
            n.forEach(c -> collect(c, out));
        }
    }

    @Test
    void specialTokenTextIsFound() {
        assertThat(SpecialTokenText.firstIn("ends <|endoftext|> here")).isEqualTo("<|endoftext|>");
        assertThat(SpecialTokenText.firstIn("<|fim_suffix|>")).isEqualTo("<|fim_suffix|>");
        assertThat(SpecialTokenText.firstIn("a <| b |> c <|unknown|>")).isNull();
    }
}
