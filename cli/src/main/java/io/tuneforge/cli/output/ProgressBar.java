package io.tuneforge.cli.output;

/**
 * One line of job progress, redrawn in place on a terminal ({@code \r}) and printed as separate lines
 * when the output is a file or pipe (so logs stay readable).
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    /**
     * @param state     the job's state, e.g. {@code running}
     * @param step      steps done, or 0 before training starts
     * @param totalSteps the run's total steps when known, else 0 (the bar then shows the state only)
     * @param trainLoss latest training loss, or null
     */
    public static String line(String state, long step, long totalSteps, Double trainLoss, double elapsedSeconds) {
        StringBuilder out = new StringBuilder();
        if (totalSteps > 0) {
            double fraction = Math.min(1.0, Math.max(0.0, (double) step / totalSteps));
            int filled = (int) Math.round(fraction * WIDTH);
            out.append('[').append("=".repeat(filled));
            if (filled < WIDTH) {
                out.append('>').append(" ".repeat(WIDTH - filled - 1));
            }
            out.append("] ").append(String.format("%3d%%", Math.round(fraction * 100)))
                    .append(String.format("  step %d/%d", step, totalSteps));
        } else {
            out.append('[').append(" ".repeat(WIDTH)).append("]   -  ");
        }
        out.append("  ").append(state);
        if (trainLoss != null) {
            out.append(String.format("  loss %.3f", trainLoss));
        }
        out.append(String.format("  %.0f s", elapsedSeconds));
        return out.toString();
    }
}
