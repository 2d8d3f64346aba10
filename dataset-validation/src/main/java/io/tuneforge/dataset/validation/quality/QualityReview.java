package io.tuneforge.dataset.validation.quality;

import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.FindingCode;
import io.tuneforge.dataset.validation.report.FindingLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dataset-wide checks that need more than one line: duplicates, contradictions, system prompt consistency,
 * category balance, refusals and the example count. Fed in file order, so "first seen" is the earliest line.
 * Memory is bounded by the fingerprint capacity and by caps on distinct system prompts and labels.
 */
public final class QualityReview {

    private static final int MAX_DISTINCT_SYSTEM_PROMPTS = 10_000;
    private static final int KEPT_LINES = 20;

    private final QualityThresholds thresholds;
    private final FingerprintTable exact;
    private final FingerprintTable prompts;
    private final FingerprintTable pairs;
    private final NearDuplicateIndex near;
    private final Map<Long, PromptUse> systemPrompts = new HashMap<>();
    private final List<Long> linesWithoutSystemPrompt = new ArrayList<>();
    private final CategoryCounts categories = new CategoryCounts();
    private final List<Long> refusalLines = new ArrayList<>();
    private long conversations;
    private long withAssistantReply;
    private long withSystemPrompt;
    private long withoutSystemPrompt;
    private long refusals;

    public QualityReview(QualityThresholds thresholds) {
        this.thresholds = thresholds;
        this.exact = new FingerprintTable(thresholds.fingerprintCapacity());
        this.prompts = new FingerprintTable(thresholds.fingerprintCapacity());
        this.pairs = new FingerprintTable(thresholds.fingerprintCapacity());
        this.near = new NearDuplicateIndex(thresholds.nearDuplicateBits(), thresholds.fingerprintCapacity());
    }

    public void observe(long line, QualitySignals s, Consumer<Finding> findings) {
        conversations++;
        if (s.hasAssistantReply()) {
            withAssistantReply++;
        }
        int seen = exact.find(s.exact());
        boolean duplicate = seen >= 0;
        if (duplicate) {
            findings.accept(Finding.of(FindingCode.EXACT_DUPLICATE, line, "", "same example as line " + exact.lineAt(seen)));
        } else {
            exact.put(s.exact(), 0, line);
        }
        // Near-duplicates matter for what the model learns from: examples with a reply.
        if (!duplicate && s.nearText() != 0 && s.hasAssistantReply()) {
            long similar = near.findAndAdd(s.nearText(), line);
            if (similar != 0) {
                findings.accept(Finding.of(FindingCode.NEAR_DUPLICATE, line, "", "nearly identical to line " + similar));
            }
        }
        if (s.pair() != 0) {
            int reversed = pairs.find(s.reversedPair());
            if (reversed >= 0) {
                findings.accept(Finding.of(FindingCode.CONTRADICTORY_PREFERENCES, line, "",
                        "line " + pairs.lineAt(reversed) + " prefers the other output for the same input"));
            }
            if (pairs.find(s.pair()) < 0) {
                pairs.put(s.pair(), 0, line);
            }
        } else if (s.prompt() != 0 && s.answer() != 0) {
            int slot = prompts.find(s.prompt());
            if (slot < 0) {
                prompts.put(s.prompt(), s.answer(), line);
            } else if (prompts.valueAt(slot) != s.answer()) {
                findings.accept(Finding.of(FindingCode.CONTRADICTORY_EXAMPLES, line, "messages",
                        "same prompt as line " + prompts.lineAt(slot) + " but a different final answer"));
            }
        }
        systemPrompt(line, s);
        categories.add(s.category());
        if (s.refusal()) {
            refusals++;
            if (refusalLines.size() < KEPT_LINES) {
                refusalLines.add(line);
            }
        }
    }

    private void systemPrompt(long line, QualitySignals s) {
        if (s.systemPrompt() == 0) {
            withoutSystemPrompt++;
            if (linesWithoutSystemPrompt.size() < KEPT_LINES) {
                linesWithoutSystemPrompt.add(line);
            }
            return;
        }
        withSystemPrompt++;
        PromptUse use = systemPrompts.get(s.systemPrompt());
        if (use != null) {
            use.count++;
        } else if (systemPrompts.size() < MAX_DISTINCT_SYSTEM_PROMPTS) {
            systemPrompts.put(s.systemPrompt(), new PromptUse(line, s.systemPromptPreview()));
        }
    }

    /** File-level findings, once every line has been observed. */
    public void finish(long examples, boolean notJsonl, FindingLedger ledger) {
        if (notJsonl) {
            // The file-level format error already says it all; "0 examples" would only add noise.
        } else if (examples < thresholds.minExamples()) {
            ledger.record(Finding.of(FindingCode.TOO_FEW_EXAMPLES, 0, "", "the file has " + examples
                    + " examples; OpenAI requires at least " + thresholds.minExamples()));
        } else if (examples < thresholds.recommendedExamples()) {
            ledger.record(Finding.of(FindingCode.FEW_EXAMPLES, 0, "", "the file has " + examples + " examples; "
                    + thresholds.recommendedExamples() + " or more are recommended"));
        }
        if (conversations > 0 && withAssistantReply == 0) {
            ledger.record(Finding.of(FindingCode.NO_ASSISTANT_REPLIES, 0, "", "none of the " + conversations
                    + " conversations has an assistant reply"));
        }
        if (exact.saturated() || near.saturated()) {
            ledger.record(Finding.of(FindingCode.ANALYSIS_CAPACITY_REACHED, 0, "", "duplicate detection covered the first "
                    + thresholds.fingerprintCapacity() + " examples"));
        }
        reviewSystemPrompts(ledger);
        reviewCategories(ledger);
        if (conversations > 0 && refusals >= 3 && (double) refusals / conversations > thresholds.refusalShare()) {
            ledger.record(Finding.of(FindingCode.REFUSALS_OVERREPRESENTED, 0, "", refusals + " of " + conversations
                    + " assistant replies are refusals (" + percent(refusals, conversations) + "), e.g. lines " + refusalLines));
        }
    }

    private void reviewSystemPrompts(FindingLedger ledger) {
        long total = withSystemPrompt + withoutSystemPrompt;
        if (withSystemPrompt * 2 >= total && withoutSystemPrompt > 0) {
            for (long line : linesWithoutSystemPrompt) {
                ledger.record(Finding.of(FindingCode.SYSTEM_PROMPT_MISSING, line, "messages", "example has no system prompt while "
                        + withSystemPrompt + " of " + total + " examples have one"));
            }
        }
        if (systemPrompts.size() < 2) {
            return;
        }
        PromptUse dominant = systemPrompts.values().stream().max(Comparator.comparingLong(u -> u.count)).orElseThrow();
        if (dominant.count * 2 < withSystemPrompt) {
            return; // many different prompts, none dominant: the prompt is part of the task (e.g. per-example context)
        }
        systemPrompts.values().stream()
                .filter(u -> u != dominant)
                .sorted(Comparator.comparingLong(u -> u.firstLine))
                .limit(KEPT_LINES)
                .forEach(u -> ledger.record(Finding.of(FindingCode.SYSTEM_PROMPT_INCONSISTENT, u.firstLine, "messages[0].content",
                        "system prompt \"" + u.preview + "\" (" + u.count + " example" + (u.count == 1 ? "" : "s")
                                + ") differs from the one in " + dominant.count + " examples: \"" + dominant.preview + "\"")));
    }

    private void reviewCategories(FindingLedger ledger) {
        if (!categories.usable(conversations)) {
            return; // not a classification-style dataset
        }
        long labelled = categories.labelled();
        Map<String, Long> counts = categories.asMap();
        Map.Entry<String, Long> largest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        Map.Entry<String, Long> smallest = counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        double share = (double) largest.getValue() / labelled;
        double ratio = (double) smallest.getValue() / largest.getValue();
        if (share > thresholds.dominantCategoryShare() || ratio < thresholds.rareCategoryRatio()) {
            ledger.record(Finding.of(FindingCode.CATEGORY_IMBALANCE, 0, "", "category \"" + largest.getKey() + "\" has "
                    + largest.getValue() + " examples (" + percent(largest.getValue(), labelled) + "), \"" + smallest.getKey()
                    + "\" only " + smallest.getValue() + " (" + counts.size() + " categories)"));
        }
    }

    /** Facts for the quality table. */
    public QualityFacts facts() {
        return new QualityFacts(conversations, systemPrompts.size(), withSystemPrompt, withoutSystemPrompt,
                Map.copyOf(categories.asMap()), refusals);
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static final class PromptUse {
        final long firstLine;
        final String preview;
        long count = 1;

        PromptUse(long firstLine, String preview) {
            this.firstLine = firstLine;
            this.preview = preview;
        }
    }
}
