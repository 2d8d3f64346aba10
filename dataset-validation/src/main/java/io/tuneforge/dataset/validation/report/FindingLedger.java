package io.tuneforge.dataset.validation.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts findings per code and keeps only the first {@code examplesPerCode} of each: a 300 MB file with a
 * defect on every line must not turn into a 300 MB report.
 */
public final class FindingLedger {

    private final int examplesPerCode;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public FindingLedger(int examplesPerCode) {
        this.examplesPerCode = examplesPerCode;
    }

    public void record(Finding finding) {
        Entry entry = entries.computeIfAbsent(finding.code(), code -> new Entry(finding.severity(), finding.fixHint()));
        entry.count++;
        if (entry.examples.size() < examplesPerCode) {
            entry.examples.add(finding);
        }
    }

    public long count(Severity severity) {
        return entries.values().stream().filter(e -> e.severity == severity).mapToLong(e -> e.count).sum();
    }

    public long count(FindingCode code) {
        Entry entry = entries.get(code.code());
        return entry == null ? 0 : entry.count;
    }

    /** The tally of one code, or null when it never occurred. */
    public FindingTally tally(FindingCode code) {
        Entry e = entries.get(code.code());
        return e == null ? null : new FindingTally(code.code(), e.severity, e.count, e.fixHint, List.copyOf(e.examples));
    }

    /**
     * Errors first, then warnings, then info; within a severity the file-level verdicts ("this is ShareGPT, not
     * JSONL") before per-line detail, then the most frequent first.
     */
    public List<FindingTally> tallies() {
        List<FindingTally> result = new ArrayList<>();
        entries.forEach((code, e) -> result.add(new FindingTally(code, e.severity, e.count, e.fixHint, List.copyOf(e.examples))));
        result.sort(Comparator.comparing(FindingTally::severity)
                .thenComparing(FindingLedger::isFileLevel, Comparator.reverseOrder())
                .thenComparing(Comparator.comparingLong(FindingTally::count).reversed()));
        return result;
    }

    private static boolean isFileLevel(FindingTally tally) {
        return !tally.examples().isEmpty() && tally.examples().get(0).line() == 0;
    }

    private static final class Entry {
        final Severity severity;
        final String fixHint;
        final List<Finding> examples = new ArrayList<>();
        long count;

        Entry(Severity severity, String fixHint) {
            this.severity = severity;
            this.fixHint = fixHint;
        }
    }
}
