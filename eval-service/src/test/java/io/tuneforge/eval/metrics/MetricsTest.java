package io.tuneforge.eval.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Expected values are worked by hand from the published definitions (see each class's comment). */
class MetricsTest {

    @Test
    void exactMatchIgnoresCaseSpacingQuotesAndFinalPunctuationOnly() {
        assertThat(AnswerNormalizer.exactMatch("  \"Billing.\" ", "billing")).isTrue();
        assertThat(AnswerNormalizer.exactMatch("SELECT  *\nFROM t;", "select * from t")).isTrue();
        assertThat(AnswerNormalizer.exactMatch("billing", "refund")).isFalse();
        assertThat(AnswerNormalizer.exactMatch("a.b", "ab")).as("internal punctuation matters").isFalse();
    }

    @Test
    void rougeLIsTheLcsF1OverLowercasedAlphanumericTokens() {
        // LCS("the cat sat on the mat", "the cat is on the mat") = "the cat on the mat" = 5 of 6 and 6.
        assertThat(RougeL.f1("The cat sat on the mat.", "the cat is on the mat")).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(RougeL.f1("completely different", "the cat")).isZero();
        assertThat(RougeL.f1("a b c d", "a b c d")).isEqualTo(1.0);
        // LCS 2 ("a c"): P = 2/2, R = 2/4 -> F = 2/3.
        assertThat(RougeL.f1("a c", "a b c d")).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void corpusBleuIsTheGeometricMeanOfClippedPrecisionsWithBrevityPenalty() {
        // precisions 4/5, 3/4, 2/3, 1/2 -> (0.2)^(1/4)
        assertThat(Bleu.corpus(List.of("the quick brown fox jumps"), List.of("the quick brown fox jumped")))
                .isCloseTo(Math.pow(0.2, 0.25), within(1e-9));
        assertThat(Bleu.corpus(List.of("same words here today", "and more words there"),
                List.of("same words here today", "and more words there"))).isCloseTo(1.0, within(1e-12));
        // No 4-gram in common: corpus BLEU is 0 by definition.
        assertThat(Bleu.corpus(List.of("the cat sat on the mat"), List.of("the cat is on the mat"))).isZero();
        // Clipping: "the the the the" against "the cat" counts "the" once.
        assertThat(Bleu.corpus(List.of("the the the the"), List.of("the cat the cat"))).isZero();
        // Brevity: candidate is a 4-token prefix of an 8-token reference: precisions 1, BP = exp(1 - 8/4).
        assertThat(Bleu.corpus(List.of("a b c d"), List.of("a b c d e f g h"))).isCloseTo(Math.exp(-1), within(1e-9));
        assertThatThrownBy(() -> Bleu.corpus(List.of("a"), List.of())).hasMessageContaining("1 candidates but 0 references");
    }

    @Test
    void sentenceBleuSmoothsHigherOrderPrecisions() {
        // p1 = 5/6, p2 = (3+1)/(5+1), p3 = (1+1)/(4+1), p4 = (0+1)/(3+1)
        double expected = Math.pow(5.0 / 6 * 4.0 / 6 * 2.0 / 5 * 1.0 / 4, 0.25);
        assertThat(Bleu.sentence("the cat sat on the mat", "the cat is on the mat")).isCloseTo(expected, within(1e-9));
    }

    @Test
    void classificationReportHasPerClassScoresAndConfusion() {
        ClassificationReport report = ClassificationReport.of(List.of(
                new ClassificationReport.Labelled("a", "a"), new ClassificationReport.Labelled("a", "b"),
                new ClassificationReport.Labelled("b", "b"), new ClassificationReport.Labelled("B.", "b")));
        assertThat(report.accuracy()).isEqualTo(0.75);
        assertThat(report.perClass().get("a").precision()).isEqualTo(1.0);
        assertThat(report.perClass().get("a").recall()).isEqualTo(0.5);
        assertThat(report.perClass().get("a").f1()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(report.perClass().get("b").f1()).isCloseTo(0.8, within(1e-9));
        assertThat(report.macroF1()).isCloseTo((2.0 / 3 + 0.8) / 2, within(1e-9));
        assertThat(report.confusion().get("a").get("b")).isEqualTo(1L);
    }

    @Test
    void formatChecksSayWhyAnAnswerFails() {
        assertThat(FormatCheck.json().violation("{\"a\": 1}")).isEmpty();
        assertThat(FormatCheck.json().violation("{a: 1}")).get().asString().startsWith("not valid JSON");
        FormatCheck schema = FormatCheck.jsonSchema("""
                {"type":"object","required":["label"],"properties":{"label":{"enum":["billing","refund"]}}}""");
        assertThat(schema.violation("{\"label\":\"billing\"}")).isEmpty();
        assertThat(schema.violation("{\"label\":\"other\"}")).get().asString().startsWith("does not match the schema");
        assertThat(schema.violation("label: billing")).get().asString().startsWith("not valid JSON");
        assertThat(FormatCheck.regex("[A-Z]{3}-\\d+").violation("ABC-12")).isEmpty();
        assertThat(FormatCheck.regex("[A-Z]{3}-\\d+").violation("abc")).isPresent();
        assertThatThrownBy(() -> FormatCheck.regex("(")).hasMessageContaining("regular expression is not valid");
    }

    @Test
    void latencyPercentilesInterpolateLikeNumpy() {
        LatencyStats stats = LatencyStats.of(List.of(40L, 10L, 30L, 20L));
        assertThat(stats.avgMs()).isEqualTo(25.0);
        assertThat(stats.p50Ms()).isEqualTo(25.0);
        assertThat(stats.p95Ms()).isCloseTo(38.5, within(1e-9));
        assertThat(stats.maxMs()).isEqualTo(40.0);
    }
}
