package io.tuneforge.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

/** The human tables of datasets and their versions, from dataset-service's JSON (commands and demo). */
public final class DatasetTables {

    private DatasetTables() {
    }

    public static Table datasets(JsonNode data) {
        Table table = Table.of("id", "name", "method", "latest version", "created").numeric(3);
        for (JsonNode d : data) {
            table.row(d.path("id").asText(), d.path("name").asText(), d.path("method").asText(),
                    d.path("latest_version").asInt(), d.path("created_at").asText());
        }
        return table;
    }

    public static Table versions(JsonNode versions) {
        Table table = Table.of("version", "status", "examples", "errors", "billable tokens", "created").numeric(0, 2, 3, 4);
        for (JsonNode v : versions) {
            table.row(v.path("version").asInt(), v.path("status").asText(), v.path("example_count").asLong(),
                    v.path("error_count").asLong(), v.path("billable_tokens").asLong(), v.path("created_at").asText());
        }
        return table;
    }

    public static Table versionSummary(JsonNode version) {
        return Table.of("examples", "errors", "billable tokens", "encoding").numeric(0, 1, 2)
                .row(version.path("example_count").asLong(), version.path("error_count").asLong(),
                        version.path("billable_tokens").asLong(), version.path("encoding").asText());
    }

    public static Table findings(JsonNode version) {
        Table table = Table.of("line", "severity", "code", "message").numeric(0);
        for (JsonNode f : version.path("findings")) {
            table.row(f.path("line").asLong(), f.path("severity").asText(), f.path("code").asText(), f.path("message").asText());
        }
        return table;
    }
}
