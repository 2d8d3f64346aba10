package io.tuneforge.dataset.validation.cookbook;

import io.tuneforge.events.job.AutoEpochs;
import io.tuneforge.dataset.validation.tokens.IntHistogram;
import java.util.LinkedHashMap;
import java.util.Map;

/** Folds per-line cookbook outcomes, in file order, into the reference's counters. */
public final class CookbookTally {

    private final int maxTokensPerExample;
    private final long[] formatErrors = new long[CookbookFormatCheck.CATEGORIES.size()];
    private long lines;
    private long blankLines;
    private long jsonParseErrors;
    private long examples;
    private long examplesWithErrors;
    private long missingSystem;
    private long missingUser;
    private long totalTokens;
    private long assistantTokens;
    private long overLimit;
    private long billingTokens;
    private final IntHistogram messages = new IntHistogram();
    private final IntHistogram tokens = new IntHistogram();
    private final IntHistogram assistant = new IntHistogram();

    public CookbookTally(int maxTokensPerExample) {
        this.maxTokensPerExample = maxTokensPerExample;
    }

    public void blankLine() {
        lines++;
        blankLines++;
    }

    public void unparsableLine() {
        lines++;
        jsonParseErrors++;
    }

    public void example(CookbookExample e) {
        lines++;
        examples++;
        int[] inc = e.formatErrorIncrements();
        for (int i = 0; i < inc.length; i++) {
            formatErrors[i] += inc[i];
        }
        if (e.hasFormatError()) {
            examplesWithErrors++;
            return;
        }
        if (!e.hasSystem()) {
            missingSystem++;
        }
        if (!e.hasUser()) {
            missingUser++;
        }
        messages.add(e.messages());
        tokens.add(e.tokens());
        assistant.add(e.assistantTokens());
        totalTokens += e.tokens();
        assistantTokens += e.assistantTokens();
        if (e.tokens() > maxTokensPerExample) {
            overLimit++;
        }
        billingTokens += Math.min(maxTokensPerExample, e.tokens());
    }

    public CookbookSummary summary(String file, long bytes, String tokenizer, String encoding) {
        Map<String, Long> errors = new LinkedHashMap<>();
        for (int i = 0; i < formatErrors.length; i++) {
            errors.put(CookbookFormatCheck.CATEGORIES.get(i), formatErrors[i]);
        }
        Integer epochs = AutoEpochs.forExamples(examples);
        return new CookbookSummary(file, bytes, tokenizer, encoding, lines, blankLines, jsonParseErrors, examples,
                errors, examplesWithErrors, tokens.count(), missingSystem, missingUser, totalTokens, assistantTokens,
                maxTokensPerExample, overLimit, messages.distribution(), tokens.distribution(), assistant.distribution(),
                epochs, billingTokens, epochs == null ? null : epochs * billingTokens);
    }
}
