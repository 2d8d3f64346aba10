package io.tuneforge.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The training and validation loss of a job as a small text plot, one row per sampled step: what a
 * person looks at to see whether the model learned and whether it started to overfit.
 */
public final class LossChart {

    private static final int WIDTH = 40;

    private LossChart() {
    }

    /**
     * @param metrics training-service's {@code GET /api/v1/jobs/{id}/metrics} body ({@code steps[]} with
     *                {@code step}, {@code train_loss}, {@code valid_loss})
     * @param rows    at most this many sampled steps, first and last included
     * @return the lines, empty when there is nothing to plot yet
     */
    public static List<String> render(JsonNode metrics, int rows) {
        JsonNode steps = metrics.path("steps").isArray() ? metrics.path("steps") : metrics.path("data");
        List<String> lines = new ArrayList<>();
        if (!steps.isArray() || steps.isEmpty()) {
            return lines;
        }
        double max = 0;
        for (JsonNode s : steps) {
            max = Math.max(max, Math.max(s.path("train_loss").asDouble(0), s.path("valid_loss").asDouble(0)));
        }
        if (max <= 0) {
            return lines;
        }
        lines.add("loss curve (# train, o validation, @ both):");
        int shown = Math.min(rows, steps.size());
        for (int i = 0; i < shown; i++) {
            JsonNode s = steps.get((int) ((long) i * (steps.size() - 1) / Math.max(1, shown - 1)));
            int train = (int) Math.round(WIDTH * s.path("train_loss").asDouble(0) / max);
            boolean hasValid = s.path("valid_loss").isNumber();
            int valid = hasValid ? (int) Math.round(WIDTH * s.path("valid_loss").asDouble() / max) : -1;
            StringBuilder bar = new StringBuilder(" ".repeat(WIDTH + 1));
            bar.setCharAt(train, '#');
            if (hasValid) {
                bar.setCharAt(valid, valid == train ? '@' : 'o');
            }
            lines.add(String.format("  step %4d |%s| train %.3f%s", s.path("step").asLong(), bar, s.path("train_loss").asDouble(),
                    hasValid ? String.format("  valid %.3f", s.path("valid_loss").asDouble()) : ""));
        }
        return lines;
    }
}
