package io.tuneforge.dataset.validation;

import io.tuneforge.events.job.AutoEpochs;
import io.tuneforge.dataset.validation.cookbook.CookbookSummary;
import io.tuneforge.dataset.validation.cookbook.CookbookTally;
import io.tuneforge.dataset.validation.format.CheckedExample;
import io.tuneforge.dataset.validation.format.DatasetKind;
import io.tuneforge.dataset.validation.format.ForeignFormat;
import io.tuneforge.dataset.validation.format.FormatSniffer;
import io.tuneforge.dataset.validation.quality.QualityReview;
import io.tuneforge.dataset.validation.quality.QualityTable;
import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.FindingCode;
import io.tuneforge.dataset.validation.report.FindingLedger;
import io.tuneforge.dataset.validation.report.InputStatistics;
import io.tuneforge.dataset.validation.report.Severity;
import io.tuneforge.dataset.validation.report.TokenReport;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.dataset.validation.report.Verdict;
import io.tuneforge.dataset.validation.tokens.IntHistogram;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Folds line analyses, strictly in file order, into the report: counters, token statistics, the cookbook
 * summary, and the file-level verdicts (pretty-printed JSON, foreign format, mixed kinds, too few examples).
 * Single-threaded by design; its memory is bounded independently of the file size.
 */
final class DatasetTally {

    private static final String TOKENIZER = "jtokkit@1.1.0";
    private static final int MAX_FRAGMENT_KEYS = 64;

    private final ValidationOptions options;
    private final FindingLedger ledger;
    private final CookbookTally cookbook;
    private final QualityReview quality;
    private final IntHistogram tokensPerExample = new IntHistogram();
    private final Map<DatasetKind, Long> kinds = new EnumMap<>(DatasetKind.class);
    private final Map<ForeignFormat, Long> foreign = new EnumMap<>(ForeignFormat.class);
    private final Set<String> fragmentKeys = new LinkedHashSet<>();
    private long lines;
    private long blankLines;
    private long examples;
    private long unparsable;
    private long contentBytes;
    private long longestLine;
    private long nulLines;
    private long invalidUtf8Lines;
    private String firstNonBlank; // "{", "[" (bracket-only line), or "" for anything else
    private long totalTokens;
    private long trainedTokens;
    private long overLimit;
    private long overLong;
    private long billingTokens;

    DatasetTally(ValidationOptions options) {
        this.options = options;
        this.ledger = new FindingLedger(options.examplesPerFinding());
        this.cookbook = new CookbookTally(options.cookbookMaxTokensPerExample());
        this.quality = new QualityReview(options.quality());
    }

    void add(LineAnalysis a) {
        lines++;
        contentBytes += a.bytes() + switch (a.ending()) {
            case LF, CR -> 1;
            case CRLF -> 2;
            case END_OF_FILE -> 0;
        };
        longestLine = Math.max(longestLine, a.bytes());
        for (Finding f : a.findings()) {
            ledger.record(f);
        }
        if (a.hasNulByte()) {
            nulLines++;
        }
        if (a.invalidUtf8()) {
            invalidUtf8Lines++;
        }
        switch (a.cookbookKind()) {
            case BLANK -> cookbook.blankLine();
            case UNPARSABLE -> cookbook.unparsableLine();
            case EXAMPLE -> cookbook.example(a.cookbook());
        }
        if (a.kind() == LineKind.BLANK) {
            blankLines++;
            return;
        }
        if (firstNonBlank == null) {
            firstNonBlank = a.bracketOnly() == null ? "" : a.bracketOnly();
        }
        if (a.kind() == LineKind.UNPARSABLE) {
            unparsable++;
            if (a.fragmentKey() != null && fragmentKeys.size() < MAX_FRAGMENT_KEYS) {
                fragmentKeys.add(a.fragmentKey());
            }
            return;
        }
        examples++;
        CheckedExample checked = a.checked();
        kinds.merge(checked.kind(), 1L, Long::sum);
        if (checked.foreignFormat() != null) {
            foreign.merge(checked.foreignFormat(), 1L, Long::sum);
        }
        if (checked.conversation() != null) {
            int tokens = checked.tokens();
            tokensPerExample.add(tokens);
            totalTokens += tokens;
            trainedTokens += checked.trainedTokens();
            if (tokens > options.maxTokensPerExample()) {
                overLimit++;
            } else if (tokens > options.longExampleTokens()) {
                overLong++;
            }
            billingTokens += Math.min(tokens, options.maxTokensPerExample());
        }
        if (a.quality() != null) {
            quality.observe(a.line(), a.quality(), ledger::record);
        }
    }

    void inputCorrupt(String message) {
        ledger.record(Finding.of(FindingCode.COMPRESSED_INPUT_CORRUPT, 0, "", message + " after " + lines + " lines"));
    }

    ValidationReport report(String source, long storedBytes, boolean gzip) {
        fileFindings();
        quality.finish(examples, prettyPrinted(), ledger);
        long errors = ledger.count(Severity.ERROR);
        long warnings = ledger.count(Severity.WARNING);
        Verdict verdict = errors > 0 ? Verdict.FAILED : warnings > 0 ? Verdict.PASSED_WITH_WARNINGS : Verdict.PASSED;
        Integer epochs = AutoEpochs.forExamples(tokensPerExample.count());
        TokenReport tokens = new TokenReport(options.encoding().id(), options.maxTokensPerExample(), tokensPerExample.count(),
                totalTokens, trainedTokens, overLimit, overLong, tokensPerExample.distribution(), epochs, billingTokens,
                epochs == null ? null : epochs * billingTokens);
        InputStatistics input = new InputStatistics(storedBytes, contentBytes, gzip, lines, blankLines, examples, unparsable,
                kinds.getOrDefault(DatasetKind.CHAT, 0L), kinds.getOrDefault(DatasetKind.PREFERENCE, 0L),
                kinds.getOrDefault(DatasetKind.FOREIGN, 0L), longestLine);
        CookbookSummary summary = cookbook.summary(source, storedBytes, TOKENIZER, options.encoding().id());
        return new ValidationReport(source, verdict, datasetKind(), detectedFormat(), errors, warnings, input, tokens,
                QualityTable.build(ledger, quality.facts(), examples), ledger.tallies(), summary);
    }

    private void fileFindings() {
        if (lines == 0 || lines == blankLines) {
            ledger.record(Finding.of(FindingCode.EMPTY_FILE, 0, "", lines == 0 ? "the file is empty" : "the file holds only blank lines"));
        }
        if (nulLines > 0 && (nulLines * 10 >= lines || examples == 0)) {
            ledger.record(Finding.of(FindingCode.BINARY_CONTENT, 0, "", nulLines + " of " + lines
                    + " lines contain NUL bytes: this is a binary file, not JSONL text"));
        } else if (invalidUtf8Lines > 0 && examples == 0) {
            ledger.record(Finding.of(FindingCode.BINARY_CONTENT, 0, "", "no line is valid UTF-8 JSON: the file is binary or in another encoding"));
        }
        if (prettyPrinted()) {
            ForeignFormat format = FormatSniffer.detectFromKeys(fragmentKeys);
            boolean openAi = format == null && fragmentKeys.contains("messages");
            String what = "[".equals(firstNonBlank) ? "a JSON array" : "pretty-printed (multi-line) JSON";
            String holds = format != null ? " holding " + format.label() : openAi ? " holding OpenAI chat examples" : "";
            // The importer reads JSON arrays itself, so for an importable format there is no jq step to do first.
            String hint = format != null && format.importFormat() != null && "[".equals(firstNonBlank)
                    ? format.importHint() + ", which reads the JSON array as it is; by hand: " + FindingCode.PRETTY_PRINTED_JSON.fixHint()
                            + ", then " + format.mapping()
                    : FindingCode.PRETTY_PRINTED_JSON.fixHint() + (format != null ? "; then " + format.conversion() : "");
            ledger.record(Finding.of(FindingCode.PRETTY_PRINTED_JSON, 0, "", "the file is " + what + holds + ", not JSONL: "
                    + unparsable + " of " + (lines - blankLines) + " lines are fragments of multi-line JSON", hint));
        }
        for (Map.Entry<ForeignFormat, Long> e : foreign.entrySet()) {
            ledger.record(Finding.of(FindingCode.FOREIGN_FORMAT, 0, "", e.getValue() + " of " + examples + " examples are in "
                    + e.getKey().label() + " format, which OpenAI fine-tuning does not accept", e.getKey().conversion()));
        }
        long chat = kinds.getOrDefault(DatasetKind.CHAT, 0L);
        long preference = kinds.getOrDefault(DatasetKind.PREFERENCE, 0L);
        if (chat > 0 && preference > 0) {
            ledger.record(Finding.of(FindingCode.MIXED_DATASET_KINDS, 0, "", chat + " supervised (messages) and " + preference
                    + " preference (input/preferred_output) examples in one file"));
        }
    }

    private boolean prettyPrinted() {
        long nonBlank = lines - blankLines;
        return firstNonBlank != null && !firstNonBlank.isEmpty() && unparsable * 2 >= nonBlank;
    }

    private boolean mostlyPrettyPrinted() {
        return prettyPrinted() && examples * 2 < lines - blankLines;
    }

    private DatasetKind datasetKind() {
        DatasetKind best = DatasetKind.UNKNOWN;
        long most = 0;
        for (Map.Entry<DatasetKind, Long> e : kinds.entrySet()) {
            if (e.getKey() != DatasetKind.UNKNOWN && e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        if (mostlyPrettyPrinted()) {
            ForeignFormat format = FormatSniffer.detectFromKeys(fragmentKeys);
            return format != null ? DatasetKind.FOREIGN : DatasetKind.UNKNOWN;
        }
        return best;
    }

    private String detectedFormat() {
        if (mostlyPrettyPrinted()) {
            ForeignFormat format = FormatSniffer.detectFromKeys(fragmentKeys);
            String container = "[".equals(firstNonBlank) ? "JSON array" : "pretty-printed JSON";
            if (format != null) {
                return format.label() + " as a " + container;
            }
            return (fragmentKeys.contains("messages") ? "OpenAI chat examples" : "JSON") + " as " + container + " (not JSONL)";
        }
        if (!foreign.isEmpty() && kinds.getOrDefault(DatasetKind.FOREIGN, 0L) * 2 >= examples) {
            return foreign.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey().label();
        }
        return switch (datasetKind()) {
            case CHAT -> "OpenAI chat (supervised fine-tuning)";
            case PREFERENCE -> "OpenAI preference (DPO)";
            case FOREIGN -> foreign.keySet().iterator().next().label();
            case UNKNOWN -> examples == 0 ? "no examples" : "unrecognised JSON";
        };
    }
}
