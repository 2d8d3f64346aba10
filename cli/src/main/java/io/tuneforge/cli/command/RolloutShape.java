package io.tuneforge.cli.command;

import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shape of a rollout, shared by {@code rollouts start} and {@code aliases set --auto-rollout}: steps, minimums, guards. */
public final class RolloutShape {

    @Option(names = "--steps", paramLabel = "PERCENTS", description = "Candidate share per step, comma-separated, ending at 100 (default 10,50,100).")
    String steps;

    @Option(names = "--min-requests", paramLabel = "N", description = "Candidate calls a step needs before it may advance.")
    Integer minRequests;

    @Option(names = "--min-duration", paramLabel = "SECONDS", description = "How long each step lasts at least.")
    Double minDurationSeconds;

    @Option(names = "--max-error-rate", paramLabel = "FRACTION", description = "Guard: roll back above this error rate (default 0.05).")
    Double maxErrorRate;

    @Option(names = "--max-p95-ms", paramLabel = "MS", description = "Guard: roll back when the candidate's p95 latency exceeds this.")
    Long maxP95Ms;

    @Option(names = "--max-latency-ratio", paramLabel = "RATIO", description = "Guard: roll back when candidate p95 / stable p95 exceeds this.")
    Double maxLatencyRatio;

    /** The fields given, as the gateway's JSON (omitted ones take the gateway's defaults). */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (steps != null) {
            body.put("steps", parseSteps(steps));
        }
        body.put("min_requests", minRequests);
        body.put("min_duration_seconds", minDurationSeconds);
        Map<String, Object> guards = new LinkedHashMap<>();
        guards.put("max_error_rate", maxErrorRate);
        guards.put("max_p95_latency_ms", maxP95Ms);
        guards.put("max_latency_ratio", maxLatencyRatio);
        guards.values().removeIf(v -> v == null);
        if (!guards.isEmpty()) {
            body.put("guards", guards);
        }
        body.values().removeIf(v -> v == null);
        return body;
    }

    private static List<Integer> parseSteps(String value) {
        try {
            return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--steps must be comma-separated whole percentages, e.g. 10,50,100 (got '" + value + "')");
        }
    }
}
