package io.tuneforge.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/** The human tables of gateway rollouts, from gateway-service's JSON (commands and demo). */
public final class RolloutTables {

    private RolloutTables() {
    }

    public static Table rollouts(Iterable<JsonNode> data) {
        Table table = Table.of("id", "alias", "state", "share", "step", "stable", "candidate", "outcome").numeric(3);
        for (JsonNode r : data) {
            table.row(r.path("id").asText(), r.path("alias").asText(), r.path("state").asText(), r.path("current_percent").asInt() + "%",
                    (r.path("step_index").asInt() + 1) + "/" + r.path("steps").size(), r.path("stable_model").asText(),
                    r.path("candidate_model").asText(), text(r, "outcome_reason"));
        }
        return table;
    }

    /** Per step and arm: what the gateway measured. */
    public static Table steps(JsonNode rollout) {
        Table table = Table.of("step", "share", "status", "arm", "requests", "errors", "error rate", "p50 ms", "p95 ms").numeric(4, 5);
        for (JsonNode s : rollout.path("step_stats")) {
            for (String arm : List.of("candidate", "stable")) {
                JsonNode a = s.path(arm);
                table.row(s.path("index").asInt() + 1, s.path("percent").asInt() + "%", s.path("status").asText(), arm,
                        a.path("requests").asLong(), a.path("errors").asLong(),
                        String.format(Locale.ROOT, "%.1f%%", a.path("error_rate").asDouble() * 100), text(a, "p50_latency_ms"),
                        text(a, "p95_latency_ms"));
            }
        }
        return table;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
