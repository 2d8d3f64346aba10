package io.tuneforge.eval.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accuracy, per-class precision / recall / F1, macro F1 and the confusion matrix of labelled
 * answers (normalized with {@link AnswerNormalizer}). Precision of a class never predicted is 0 by
 * convention (as scikit-learn's zero_division=0), and such classes are still listed.
 *
 * @param confusion actual label -> predicted label -> count
 */
public record ClassificationReport(long examples, double accuracy, double macroF1, Map<String, ClassScores> perClass,
                                   Map<String, Map<String, Long>> confusion) {

    public record ClassScores(long support, double precision, double recall, double f1) {
    }

    public record Labelled(String actual, String predicted) {
    }

    public static ClassificationReport of(List<Labelled> answers) {
        Map<String, Map<String, Long>> confusion = new TreeMap<>();
        TreeSet<String> labels = new TreeSet<>();
        long correct = 0;
        for (Labelled answer : answers) {
            String actual = AnswerNormalizer.normalize(answer.actual());
            String predicted = AnswerNormalizer.normalize(answer.predicted());
            labels.add(actual);
            labels.add(predicted);
            confusion.computeIfAbsent(actual, k -> new TreeMap<>()).merge(predicted, 1L, Long::sum);
            if (actual.equals(predicted)) {
                correct++;
            }
        }
        Map<String, ClassScores> perClass = new TreeMap<>();
        double f1Sum = 0;
        int classes = 0;
        for (String label : labels) {
            long truePositive = confusion.getOrDefault(label, Map.of()).getOrDefault(label, 0L);
            long support = confusion.getOrDefault(label, Map.of()).values().stream().mapToLong(Long::longValue).sum();
            long predictedAs = confusion.values().stream().mapToLong(row -> row.getOrDefault(label, 0L)).sum();
            if (support == 0) {
                // Only ever predicted, never a true label: a hallucinated class, counted against precision elsewhere.
                continue;
            }
            double precision = predictedAs == 0 ? 0 : (double) truePositive / predictedAs;
            double recall = (double) truePositive / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.put(label, new ClassScores(support, precision, recall, f1));
            f1Sum += f1;
            classes++;
        }
        double accuracy = answers.isEmpty() ? 0 : (double) correct / answers.size();
        return new ClassificationReport(answers.size(), accuracy, classes == 0 ? 0 : f1Sum / classes, perClass, confusion);
    }
}
