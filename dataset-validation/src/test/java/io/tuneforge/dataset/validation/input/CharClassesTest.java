package io.tuneforge.dataset.validation.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharClassesTest {

    @Test
    void letterOrDigitAgreesWithTheJdkForEveryUtf16Unit() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (CharClasses.isLetterOrDigit((char) c) != Character.isLetterOrDigit((char) c)) {
                throw new AssertionError("U+" + Integer.toHexString(c));
            }
        }
    }

    @Test
    void punctuationIsSymbolsAndPunctuationButNeverTheApostropheLettersOrSpace() {
        for (char c : "(.,;:!?-_/\\\"#$%&*+<=>@[]^`{|}~".toCharArray()) {
            assertThat(CharClasses.isPunctuation(c)).as("'%s'", c).isTrue();
        }
        for (char c : "。、「」€→©".toCharArray()) {
            assertThat(CharClasses.isPunctuation(c)).as("'%s'", c).isTrue();
        }
        for (char c : "' aZ09\n\té設\u0301\ud83d".toCharArray()) {
            assertThat(CharClasses.isPunctuation(c)).as("U+%04X", (int) c).isFalse();
        }
    }
}
