package io.tuneforge.dataset.ingest;

import io.tuneforge.dataset.validation.ExampleSignals;
import io.tuneforge.dataset.validation.format.DatasetKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the examples are of the kind the dataset was created for: the validator accepts chat and preference
 * examples alike (and flags a file that mixes them), but a supervised dataset must hold chat examples and a
 * dpo dataset preference examples, or the fine-tuning job built from it fails at the provider.
 */
final class MethodCheck {

    static final String CODE = "method_mismatch";
    private static final int KEPT_LINES = 5;

    private final String method;
    private final DatasetKind expected;
    private final List<ExampleSignals> firstMismatches = new ArrayList<>();
    private long cleanExamples;
    private long mismatches;

    MethodCheck(String method) {
        this.method = method;
        this.expected = "dpo".equals(method) ? DatasetKind.PREFERENCE : DatasetKind.CHAT;
    }

    void observe(ExampleSignals example) {
        if (example.clean()) {
            cleanExamples++;
        }
        if (example.kind() != expected) {
            mismatches++;
            if (firstMismatches.size() < KEPT_LINES) {
                firstMismatches.add(example);
            }
        }
    }

    /** Examples without an error of their own: what a rejected version would have had to train on. */
    long cleanExamples() {
        return cleanExamples;
    }

    /** Adds the mismatch findings; returns how many errors they are. */
    long findings(List<UploadFinding> kept, Map<String, Long> countsByCode) {
        if (mismatches == 0) {
            return 0;
        }
        countsByCode.merge(CODE, mismatches, Long::sum);
        for (ExampleSignals e : firstMismatches) {
            kept.add(UploadFinding.error(CODE, e.line(), "line " + e.line() + ": a " + describe(e.kind()) + " example, but this dataset's"
                    + " method is " + method + " (" + mismatches + " such line" + (mismatches == 1 ? "" : "s") + "); upload it to a "
                    + (e.kind() == DatasetKind.PREFERENCE ? "dpo" : "supervised") + " dataset, or convert the examples to "
                    + describe(expected) + " examples"));
        }
        return mismatches;
    }

    private static String describe(DatasetKind kind) {
        return kind == DatasetKind.PREFERENCE ? "preference (DPO: input/preferred_output/non_preferred_output)"
                : "chat (supervised: messages)";
    }
}
