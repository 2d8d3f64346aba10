package io.tuneforge.cli.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.cli.output.ProgressBar;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;

/**
 * Follows a fine-tuning job until it ends: every state change on its own line, and a progress bar
 * (step of total steps, latest training loss) while it runs. Used by {@code jobs watch} and the demo.
 */
public final class JobWatch {

    public static final Set<String> FINAL_STATES = Set.of("succeeded", "failed", "cancelled");
    private static final Duration POLL = Duration.ofSeconds(1);

    private final ServiceClient training;
    private final PrintWriter out;
    private final boolean redrawInPlace;
    private final String indent;

    /**
     * @param redrawInPlace true on a terminal: the bar is redrawn with {@code \r}; false (a pipe or file):
     *                      one line per change of step
     */
    public JobWatch(ServiceClient training, PrintWriter out, boolean redrawInPlace, String indent) {
        this.training = training;
        this.out = out;
        this.redrawInPlace = redrawInPlace;
        this.indent = indent;
    }

    /** Whether this process writes to an interactive terminal. */
    public static boolean interactive() {
        return System.console() != null;
    }

    /** @return the job as last seen: in a final state, or whatever it was when {@code timeout} ran out */
    public JsonNode follow(String jobId, Duration timeout) {
        long start = System.nanoTime();
        String lastState = "";
        long lastStep = -1;
        boolean barShown = false;
        JsonNode job = training.get("/api/v1/jobs/" + jobId);
        while (true) {
            String state = job.path("state").asText();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (!state.equals(lastState)) {
                if (barShown && redrawInPlace) {
                    out.println();
                }
                barShown = false;
                out.printf("%s%6.1f s  %s%s%n", indent, elapsed, state, detail(job));
                lastState = state;
            }
            if (FINAL_STATES.contains(state) || System.nanoTime() - start > timeout.toNanos()) {
                if (barShown && redrawInPlace) {
                    out.println();
                }
                out.flush();
                return job;
            }
            if ("running".equals(state)) {
                JsonNode latest = latestStep(training.get("/api/v1/jobs/" + jobId + "/metrics"));
                if (latest != null && latest.path("step").asLong() != lastStep) {
                    lastStep = latest.path("step").asLong();
                    String bar = ProgressBar.line(state, lastStep, latest.path("total_steps").asLong(0),
                            latest.path("train_loss").isNumber() ? latest.path("train_loss").asDouble() : null, elapsed);
                    if (redrawInPlace) {
                        out.print("\r" + indent + bar);
                    } else {
                        out.println(indent + bar);
                    }
                    barShown = true;
                }
            }
            out.flush();
            sleep();
            job = training.get("/api/v1/jobs/" + jobId);
        }
    }

    private static String detail(JsonNode job) {
        JsonNode failure = job.path("failure");
        if (failure.isObject()) {
            return ": " + failure.path("kind").asText() + " - " + failure.path("message").asText()
                    + (failure.path("advice").asText("").isEmpty() ? "" : " (" + failure.path("advice").asText() + ")");
        }
        String held = job.path("hold_reason").asText("");
        return held.isEmpty() ? "" : " (" + held + ")";
    }

    private static JsonNode latestStep(JsonNode metrics) {
        JsonNode steps = metrics.path("steps");
        return steps.isArray() && !steps.isEmpty() ? steps.get(steps.size() - 1) : null;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching the job", e);
        }
    }
}
