package io.tuneforge.eval.report;

import io.tuneforge.eval.metrics.FormatCheck;
import io.tuneforge.eval.metrics.ScoredAnswer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Groups a model's failed examples by kind, keeping the first few of each as examples. */
public final class FailureGroups {

    static final int EXAMPLES_PER_GROUP = 3;
    static final int MAX_TEXT = 200;

    private FailureGroups() {
    }

    /**
     * @param productionRight indexes of the examples the production model answered correctly (empty without one)
     * @param promptOf        the text to show for an example's prompt
     */
    public static List<FailureGroup> of(String role, String model, List<ScoredAnswer> answers, Optional<FormatCheck> format,
                                        boolean graded, Set<Integer> productionRight, Function<Integer, String> promptOf) {
        Map<String, List<FailureGroup.Example>> byKind = new LinkedHashMap<>();
        for (ScoredAnswer answer : answers) {
            if (!answer.answered()) {
                add(byKind, "provider_error", answer, answer.error(), promptOf);
                continue;
            }
            Optional<String> violation = format.flatMap(check -> check.violation(answer.output()));
            violation.ifPresent(v -> add(byKind, "format_violation", answer, v, promptOf));
            if (graded && !answer.correct()) {
                add(byKind, "wrong_answer", answer, "expected '" + clip(answer.reference()) + "'", promptOf);
            }
            if (!answer.correct() && productionRight.contains(answer.idx())) {
                add(byKind, "regression", answer, "the production model answered this correctly", promptOf);
            }
        }
        List<FailureGroup> groups = new ArrayList<>();
        byKind.forEach((kind, all) -> groups.add(new FailureGroup(role, model, kind, all.size(),
                all.stream().limit(EXAMPLES_PER_GROUP).collect(Collectors.toList()))));
        return groups;
    }

    private static void add(Map<String, List<FailureGroup.Example>> byKind, String kind, ScoredAnswer answer, String detail,
                            Function<Integer, String> promptOf) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new FailureGroup.Example(answer.idx(),
                clip(promptOf.apply(answer.idx())), clip(answer.reference()), clip(answer.output()), detail));
    }

    static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
